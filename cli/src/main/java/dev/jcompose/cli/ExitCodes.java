package dev.jcompose.cli;

/** The exit codes of jcompose, as docker compose uses them. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The operation failed (bad files, engine refusal, a failed container). */
    public static final int FAILURE = 1;
    /** The command line is wrong (unknown command or option). */
    public static final int USAGE = 2;
    /** Interrupted by Ctrl-C. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
