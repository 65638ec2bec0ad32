package dev.jcompose.cli.stack;

import dev.jcompose.api.ProjectOptions;
import dev.jcompose.cli.CommandContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The files of the stack commands that read them ({@code deploy}, {@code config}), and their
 * {@code --help}.
 */
final class StackFiles {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-c", "--compose-file"}, paramLabel = "FILE",
            description = "Compose file (repeatable; - reads stdin). Default: jcompose's -f, "
                    + "else compose.yaml here or in a parent directory.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Variables for the files (repeatable; default: the project's .env).")
    List<Path> envFiles = new ArrayList<>();

    /**
     * The project: these files and env files, else the global options' ones, named {@code name}
     * (null: as the files name it).
     */
    ProjectOptions options(CommandContext c, String name) {
        ProjectOptions global = c.projectOptions();
        return new ProjectOptions(files.isEmpty() ? global.files() : files, name,
                global.projectDirectory(), envFiles.isEmpty() ? global.envFiles() : envFiles,
                global.profiles(), global.workingDir(), global.environment());
    }
}
