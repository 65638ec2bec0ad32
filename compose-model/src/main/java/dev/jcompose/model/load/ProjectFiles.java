package dev.jcompose.model.load;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.YamlPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the compose files of a project: {@code compose.yaml}, {@code compose.yml},
 * {@code docker-compose.yml} or {@code docker-compose.yaml} in the working directory or its
 * parents, plus the first override file beside it.
 */
public final class ProjectFiles {

    public static final List<String> DEFAULT_NAMES =
            List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");
    public static final List<String> OVERRIDE_NAMES = List.of("compose.override.yml",
            "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml");

    private ProjectFiles() {
    }

    /**
     * The files to load when none were given.
     *
     * @throws ComposeFileException when no compose file exists here or above
     */
    public static List<Path> discover(Path workingDir) {
        for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            for (String name : DEFAULT_NAMES) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    List<Path> found = new ArrayList<>();
                    found.add(candidate);
                    for (String o : OVERRIDE_NAMES) {
                        Path override = dir.resolve(o);
                        if (Files.isRegularFile(override)) {
                            found.add(override);
                            break;
                        }
                    }
                    return found;
                }
            }
        }
        throw new ComposeFileException(Problem.error(new Mark(workingDir.toString(), 0, 0),
                YamlPath.ROOT, "no compose file found in this directory or any parent (looked for "
                        + String.join(", ", DEFAULT_NAMES) + "); use -f FILE to name one"));
    }
}
