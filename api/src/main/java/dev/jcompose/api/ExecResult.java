package dev.jcompose.api;

/**
 * What a command run with {@link ComposeProject#exec} left behind.
 *
 * @param exitCode the command's exit code
 * @param stdout   its standard output, as UTF-8 text
 * @param stderr   its standard error, as UTF-8 text
 */
public record ExecResult(int exitCode, String stdout, String stderr) {

    /** Whether the command exited 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
