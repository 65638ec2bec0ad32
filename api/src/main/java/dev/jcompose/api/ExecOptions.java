package dev.jcompose.api;

import java.util.List;

/**
 * What {@code exec} runs, where and how; made with {@link #builder(String, List)}.
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

    public static Builder builder(String service, List<String> command) {
        return new Builder(service, command);
    }

    /** Builds {@link ExecOptions}; every setter returns the builder. */
    public static final class Builder {
        private final String service;
        private final List<String> command;
        private int index;
        private List<String> env = List.of();
        private String user;
        private String workingDir;
        private boolean tty;
        private boolean stdin;
        private boolean privileged;

        private Builder(String service, List<String> command) {
            this.service = service;
            this.command = command;
        }

        public Builder index(int number) {
            this.index = number;
            return this;
        }

        public Builder env(List<String> entries) {
            this.env = entries;
            return this;
        }

        public Builder user(String runAs) {
            this.user = runAs;
            return this;
        }

        public Builder workingDir(String dir) {
            this.workingDir = dir;
            return this;
        }

        /** A pseudo-terminal and standard input: an interactive session. */
        public Builder interactive(boolean on) {
            this.tty = on;
            this.stdin = on;
            return this;
        }

        public Builder privileged(boolean on) {
            this.privileged = on;
            return this;
        }

        public ExecOptions build() {
            return new ExecOptions(service, index, command, env, user, workingDir, tty, stdin,
                    privileged);
        }
    }
}
