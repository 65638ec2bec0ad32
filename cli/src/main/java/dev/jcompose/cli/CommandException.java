package dev.jcompose.cli;

/**
 * A command ends with a message and an exit code (a failed container's exit code for
 * {@code up --exit-code-from}, 2 for a usage error found after parsing).
 */
final class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CommandException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A usage error found after parsing (an unknown service name). */
    static CommandException usage(String message) {
        return new CommandException(message, ExitCodes.USAGE);
    }

    int exitCode() {
        return exitCode;
    }
}
