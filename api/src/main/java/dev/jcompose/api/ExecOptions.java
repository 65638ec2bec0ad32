package dev.jcompose.api;

import java.util.List;

/**
 * What {@code exec} runs, where and how.
 *
 * @param service    the service whose container runs it
 * @param index      which of the service's containers (1 for the first); 0 for the first
 *                   running one, else a running one-off container of the service
 * @param command    the command and its arguments
 * @param env        {@code KEY=value} entries added to the environment
 * @param user       run as this user (null: the container's)
 * @param workingDir in this directory (null: the container's)
 * @param tty        with a pseudo-terminal (output and errors then come as one stream)
 * @param stdin      forward standard input
 * @param privileged with extended privileges
 */
public record ExecOptions(String service, int index, List<String> command, List<String> env,
        String user, String workingDir, boolean tty, boolean stdin, boolean privileged) {

    public ExecOptions {
        command = List.copyOf(command);
        env = List.copyOf(env);
    }
}
