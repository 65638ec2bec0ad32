package dev.jcompose.planner.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container as the engine lists it.
 *
 * @param state    created, running, paused, restarting, removing, exited or dead
 * @param health   starting, healthy, unhealthy, or null when it has no healthcheck
 * @param exitCode the exit code when exited, else null
 * @param volumes  the engine volumes mounted, by target path (named and anonymous)
 * @param listing  what else the engine's container list says, as compose v2's {@code ps}
 *                 prints it ({@link Listing#NONE} when the container was not listed)
 */
public record ContainerSummary(
        String id,
        String name,
        String image,
        String imageId,
        String state,
        String health,
        Integer exitCode,
        Map<String, String> labels,
        List<PublishedPort> ports,
        long createdEpochSeconds,
        Map<String, String> volumes,
        Listing listing) {

    public ContainerSummary {
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
        volumes = Map.copyOf(volumes);
        listing = listing == null ? Listing.NONE : listing;
    }

    public ContainerSummary(String id, String name, String image, String imageId, String state,
            String health, Integer exitCode, Map<String, String> labels,
            List<PublishedPort> ports, long createdEpochSeconds, Map<String, String> volumes) {
        this(id, name, image, imageId, state, health, exitCode, labels, ports,
                createdEpochSeconds, volumes, Listing.NONE);
    }

    public ContainerSummary(String id, String name, String image, String imageId, String state,
            String health, Integer exitCode, Map<String, String> labels,
            List<PublishedPort> ports, long createdEpochSeconds) {
        this(id, name, image, imageId, state, health, exitCode, labels, ports,
                createdEpochSeconds, Map.of());
    }

    /** Volumes the engine created for this container alone (64 hex digits, no name given). */
    public Map<String, String> anonymousVolumes() {
        Map<String, String> out = new TreeMap<>();
        volumes.forEach((target, name) -> {
            if (name.matches("[0-9a-f]{64}")) {
                out.put(target, name);
            }
        });
        return out;
    }

    public boolean isRunning() {
        return "running".equals(state) || "restarting".equals(state);
    }

    public String label(String key) {
        return labels.get(key);
    }

    /**
     * A container as the engine's list describes it beyond its state.
     *
     * @param command  the command it runs, as one line
     * @param status   the engine's status line: {@code Up 3 seconds (healthy)}
     * @param names    its names, without the leading slash
     * @param mounts   each mount's volume name, or its source for a bind
     * @param localVolumes how many of its mounts are volumes of the local driver
     * @param networks the networks it is connected to
     * @param ports    its ports, published or not, sorted by container port
     * @param sizeRw   the size of its writable layer, when the list was asked for sizes
     */
    public record Listing(String command, String status, List<String> names,
            List<String> mounts, int localVolumes, List<String> networks,
            List<PublishedPort> ports, long sizeRw, long sizeRootFs) {

        public static final Listing NONE = new Listing("", "", List.of(), List.of(), 0,
                List.of(), List.of(), 0, 0);

        public Listing {
            names = List.copyOf(names);
            mounts = List.copyOf(mounts);
            networks = List.copyOf(networks);
            ports = List.copyOf(ports);
        }
    }

    /** A port published on the host. {@code hostIp} may be 0.0.0.0 or ::. */
    public record PublishedPort(String hostIp, int hostPort, int containerPort, String protocol) { }
}
