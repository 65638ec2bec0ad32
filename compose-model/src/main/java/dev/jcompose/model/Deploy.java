package dev.jcompose.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code deploy:} of a service. Locally, replicas and resources matter; the rest is kept. */
public record Deploy(
        String mode,
        Integer replicas,
        Map<String, String> labels,
        UpdateConfig updateConfig,
        UpdateConfig rollbackConfig,
        Resources resources,
        RestartPolicy restartPolicy,
        Placement placement,
        String endpointMode,
        @Yaml.Extensions Map<String, Object> extensions) {

    public Deploy {
        labels = Coll.map(labels);
        extensions = Coll.map(extensions);
    }

    public Deploy withReplicas(Integer newReplicas) {
        return new Deploy(mode, newReplicas, labels, updateConfig, rollbackConfig, resources,
                restartPolicy, placement, endpointMode, extensions);
    }

    /** {@code update_config} / {@code rollback_config}. */
    public record UpdateConfig(Long parallelism, Duration delay, String failureAction,
            Duration monitor, Double maxFailureRatio, String order) { }

    /** {@code resources}: limits and reservations. */
    public record Resources(Resource limits, Resource reservations) { }

    /** One side of {@code resources}. */
    public record Resource(Double cpus, @Yaml.Bytes Long memory, Long pids,
            List<DeviceRequest> devices, List<Map<String, Object>> genericResources) {
        public Resource {
            devices = Coll.list(devices);
            genericResources = Coll.list(genericResources);
        }
    }

    /** {@code restart_policy}. */
    public record RestartPolicy(String condition, Duration delay, Long maxAttempts,
            Duration window) { }

    /** {@code placement} (swarm only; kept for config output). */
    public record Placement(List<String> constraints, List<Map<String, String>> preferences,
            Long maxReplicasPerNode) {
        public Placement {
            constraints = Coll.list(constraints);
            preferences = Coll.list(preferences);
        }
    }
}
