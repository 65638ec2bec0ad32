package dev.jcompose.planner.fake;

import dev.jcompose.model.Project;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.LoadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads projects from YAML snippets, the way tests describe desired state. */
public final class TestProjects {

    private TestProjects() {
    }

    /** Loads {@code yaml} as project {@code name} from a compose.yaml written into {@code dir}. */
    public static Project load(Path dir, String name, String yaml) {
        try {
            Files.writeString(dir.resolve("compose.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ComposeLoader.load(LoadOptions.builder().workingDir(dir).projectName(name)
                .processEnv(Map.of()).build());
    }
}
