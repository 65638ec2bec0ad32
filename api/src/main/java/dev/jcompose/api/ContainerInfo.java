package dev.jcompose.api;

import java.util.List;

/**
 * A container of a project, as {@code ps} shows it.
 *
 * @param state    running, exited, created, paused, restarting or dead
 * @param health   healthy, unhealthy, starting, or null without a healthcheck
 * @param exitCode the exit code of an exited container, else null
 */
public record ContainerInfo(
        String id,
        String name,
        String project,
        String service,
        int number,
        boolean oneOff,
        String image,
        String state,
        String health,
        Integer exitCode,
        List<Port> ports,
        long createdEpochSeconds) {

    public ContainerInfo {
        ports = List.copyOf(ports);
    }

    /** A published port: {@code 0.0.0.0:8080->80/tcp}. */
    public record Port(String hostIp, int hostPort, int containerPort, String protocol) {
        @Override
        public String toString() {
            return hostIp + ":" + hostPort + "->" + containerPort + "/" + protocol;
        }
    }

    public boolean isRunning() {
        return "running".equals(state) || "restarting".equals(state);
    }

    /** The state as ps prints it: {@code running (healthy)}, {@code exited (1)}. */
    public String status() {
        if ("exited".equals(state) || "dead".equals(state)) {
            return state + " (" + (exitCode == null ? "?" : exitCode) + ")";
        }
        if (health != null) {
            return state + " (" + health + ")";
        }
        return state;
    }
}
