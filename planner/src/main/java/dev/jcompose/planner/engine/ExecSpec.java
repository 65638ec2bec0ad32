package dev.jcompose.planner.engine;

import java.util.List;

/**
 * A command to run in a running container ({@code exec}, and lifecycle hooks).
 *
 * @param env         {@code KEY=value} entries added to the container's environment
 * @param user        the user to run as, or null for the container's
 * @param workingDir  the working directory, or null for the container's
 * @param tty         allocate a pseudo-terminal (stdout and stderr are then one stream)
 * @param attachStdin forward the caller's standard input
 */
public record ExecSpec(String containerId, List<String> command, List<String> env, String user,
        String workingDir, boolean tty, boolean privileged, boolean attachStdin) {

    public ExecSpec {
        command = List.copyOf(command);
        env = List.copyOf(env);
    }
}
