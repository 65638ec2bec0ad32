package dev.jcompose.cli;

import dev.jcompose.api.ExportOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code export SERVICE}: a service container's file system as a tar archive, to a file
 * (written whole or not at all, readable by its owner only) or to standard output when it is
 * not a terminal.
 */
@Command(name = "export", description = "Export a service container's filesystem as a tar "
        + "archive.", footer = {"", "Examples:",
            "  jcompose export -o web.tar web           web's first container",
            "  jcompose export --index 2 web | tar t    container 2, listed"})
public final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to a file, instead of STDOUT.")
    Path output;

    @Mixin
    IndexOption index;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Override
    public Integer call() throws IOException {
        String name = root.loader().projectName();
        ExportOptions options = new ExportOptions(service, index.index);
        if (output == null) {
            if (root.console().outIsTerminal()) {
                throw new CommandException("output option is required when exporting to "
                        + "terminal", ExitCodes.FAILURE);
            }
            root.console().out().flush();
            root.service().export(name, options, root.console().bytesOut());
            return ExitCodes.OK;
        }
        Path file = root.console().workingDir().resolve(output).toAbsolutePath();
        if (!Files.isDirectory(file.getParent())) {
            throw new CommandException("failed to export container: invalid output path: "
                    + "directory \"" + file.getParent() + "\" does not exist",
                    ExitCodes.FAILURE);
        }
        Path partial = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------")));
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                root.service().export(name, options, out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return ExitCodes.OK;
    }
}
