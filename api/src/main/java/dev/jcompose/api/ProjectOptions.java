package dev.jcompose.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a project comes from: the global options of every command.
 *
 * @param files            {@code -f} files (empty: discover); a path of {@code -} reads stdin
 * @param projectName      {@code -p}, or null
 * @param projectDirectory {@code --project-directory}, or null
 * @param envFiles         {@code --env-file} files
 * @param profiles         {@code --profile} values
 * @param workingDir       the user's working directory
 * @param environment      the process environment
 */
public record ProjectOptions(List<Path> files, String projectName, Path projectDirectory,
        List<Path> envFiles, List<String> profiles, Path workingDir,
        Map<String, String> environment) {

    public ProjectOptions {
        files = List.copyOf(files);
        envFiles = List.copyOf(envFiles);
        profiles = List.copyOf(profiles);
        environment = Map.copyOf(environment);
    }
}
