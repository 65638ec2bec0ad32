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
        Map<String, String> volumes) {

    public ContainerSummary {
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
        volumes = Map.copyOf(volumes);
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

    /** A port published on the host. {@code hostIp} may be 0.0.0.0 or ::. */
    public record PublishedPort(String hostIp, int hostPort, int containerPort, String protocol) { }
}
