package dev.jcompose.cli;

import dev.jcompose.api.ComposeException;
import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns what a command throws into what a user reads: one paragraph per error, no stack trace
 * (unless {@code --verbose}), and the exit code.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    private final JcomposeCommand root;

    ErrorHandler(JcomposeCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl,
            CommandLine.ParseResult parseResult) {
        root.finish();
        PrintWriter err = root.console().err();
        Throwable e = ex;
        if (e instanceof CommandException ce && ce.getCause() != null
                && ce.getMessage() == null) {
            e = ce.getCause();
        }
        int code = ExitCodes.FAILURE;
        switch (e) {
            case ComposeFileException cfe -> {
                for (Problem p : cfe.problems()) {
                    err.println("error: " + p);
                }
            }
            case CommandException ce -> {
                if (ce.getMessage() != null && !ce.getMessage().isEmpty()) {
                    err.println("error: " + ce.getMessage());
                }
                code = ce.exitCode();
            }
            case ComposeException ce -> err.println("error: " + ce.getMessage());
            case InterruptedException ie -> code = ExitCodes.INTERRUPTED;
            default -> {
                err.println("error: unexpected failure: " + e);
                if (!root.verbose()) {
                    err.println("(run with --verbose to see the stack trace)");
                }
            }
        }
        if (root.verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
