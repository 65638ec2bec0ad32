package dev.jcompose.model.load;

import dev.jcompose.model.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads YAML snippets written into a temporary project directory. */
final class LoaderFixture {

    private final Path dir;

    LoaderFixture(Path dir) {
        this.dir = dir;
    }

    Path write(String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Project load(String yaml) {
        return load(yaml, Map.of());
    }

    Project load(String yaml, Map<String, String> env) {
        write("compose.yaml", yaml);
        return ComposeLoader.load(LoadOptions.builder()
                .workingDir(dir)
                .processEnv(env)
                .build());
    }

    LoadOptions.Builder options() {
        return LoadOptions.builder().workingDir(dir).processEnv(Map.of());
    }
}
