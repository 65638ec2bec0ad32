package dev.jcompose.planner.engine;

import java.util.List;
import java.util.Map;

/**
 * A container as the engine lists it.
 *
 * @param state    created, running, paused, restarting, removing, exited or dead
 * @param health   starting, healthy, unhealthy, or null when it has no healthcheck
 * @param exitCode the exit code when exited, else null
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
        long createdEpochSeconds) {

    public ContainerSummary {
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
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
