package dev.jcompose.api;

import java.util.List;

/**
 * A container of a project, as {@code ps} shows it.
 *
 * @param state    running, exited, created, paused, restarting or dead
 * @param health   healthy, unhealthy, starting, or null without a healthcheck
 * @param exitCode the exit code of an exited container, else null
 * @param listing  the rest of what the engine's container list says, as compose v2's ps
 *                 prints it ({@link Listing#NONE} when not known)
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
        long createdEpochSeconds,
        Listing listing) {

    public ContainerInfo {
        ports = List.copyOf(ports);
        listing = listing == null ? Listing.NONE : listing;
    }

    public ContainerInfo(String id, String name, String project, String service, int number,
            boolean oneOff, String image, String state, String health, Integer exitCode,
            List<Port> ports, long createdEpochSeconds) {
        this(id, name, project, service, number, oneOff, image, state, health, exitCode, ports,
                createdEpochSeconds, Listing.NONE);
    }

    /**
     * A container as the engine lists it beyond its state.
     *
     * @param command  the command it runs, as one line
     * @param status   the engine's status line: {@code Up 3 seconds (healthy)}
     * @param names    its names
     * @param labels   its labels, in the engine's order
     * @param mounts   each mount's volume name, or its source for a bind
     * @param localVolumes how many of its mounts are volumes of the local driver
     * @param networks the networks it is connected to
     * @param ports    its ports, published (host port above 0) or not, by container port
     * @param sizeRw   the size of its writable layer, when known
     */
    public record Listing(String command, String status, List<String> names,
            java.util.Map<String, String> labels, List<String> mounts, int localVolumes,
            List<String> networks, List<Port> ports, long sizeRw, long sizeRootFs) {

        public static final Listing NONE = new Listing("", "", List.of(), java.util.Map.of(),
                List.of(), 0, List.of(), List.of(), 0, 0);

        public Listing {
            names = List.copyOf(names);
            labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
            mounts = List.copyOf(mounts);
            networks = List.copyOf(networks);
            ports = List.copyOf(ports);
        }
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
