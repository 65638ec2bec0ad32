package dev.jcompose.swarm.convert;

import com.github.dockerjava.api.model.DockerObjectAccessor;
import com.github.dockerjava.api.model.ServiceGlobalModeOptions;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import dev.jcompose.model.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code deploy.mode} and {@code deploy.replicas}: a replicated or global service, or a job run
 * to completion (replicated-job: {@code replicas} completions, that many at once; global-job:
 * once on every node).
 */
public final class Modes {

    /** The modes {@code deploy.mode} takes. */
    public static final List<String> NAMES =
            List.of("replicated", "global", "replicated-job", "global-job");

    private Modes() {
    }

    /** The mode's name, {@code replicated} when unset. */
    public static String name(Service s) {
        String m = s.deploy() == null ? null : s.deploy().mode();
        return m == null || m.isEmpty() ? "replicated" : m;
    }

    /** Whether the service runs to completion instead of running on. */
    public static boolean isJob(Service s) {
        return name(s).endsWith("-job");
    }

    public static ServiceModeConfig of(Service s) {
        ServiceModeConfig out = new ServiceModeConfig();
        switch (name(s)) {
            case "replicated" -> out.withReplicated(
                    new ServiceReplicatedModeOptions().withReplicas(s.replicas()));
            case "global" -> out.withGlobal(new ServiceGlobalModeOptions());
            case "replicated-job" -> {
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("MaxConcurrent", s.replicas());
                job.put("TotalCompletions", s.replicas());
                DockerObjectAccessor.overrideRawValue(out, "ReplicatedJob", job);
            }
            case "global-job" -> DockerObjectAccessor.overrideRawValue(out, "GlobalJob", Map.of());
            default -> throw new IllegalArgumentException("not a deploy mode: " + name(s));
        }
        return out;
    }
}
