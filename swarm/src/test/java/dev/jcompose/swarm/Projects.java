package dev.jcompose.swarm;

import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.LoadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compose files written into a directory and loaded as the stack {@code st}. */
public final class Projects {

    private final Path dir;
    private final List<Problem> warnings = new ArrayList<>();

    public Projects(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path write(String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code yaml} as {@code compose.yaml}, loaded as stack {@code st}. */
    public Project load(String yaml) {
        return load("st", yaml, Map.of());
    }

    public Project load(String stack, String yaml, Map<String, String> env) {
        write("compose.yaml", yaml);
        return ComposeLoader.load(LoadOptions.builder().workingDir(dir).projectName(stack)
                .processEnv(env).warnings(warnings::add).build());
    }

    /** The loader's own warnings, for tests that mean to have none. */
    public List<Problem> loaderWarnings() {
        return List.copyOf(warnings);
    }
}
