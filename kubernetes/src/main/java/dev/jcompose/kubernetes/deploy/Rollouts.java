package dev.jcompose.kubernetes.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * How far a workload's rollout is, read from its status as kubectl rollout status reads it:
 * a Deployment or StatefulSet whose pods are all updated and ready (for the latest generation),
 * a DaemonSet ready on every node it is scheduled to, a Job completed.
 */
public final class Rollouts {

    /** A workload's rollout: done or not, failed or not, and its progress in words. */
    public record State(boolean done, boolean failed, String text) { }

    private Rollouts() {
    }

    public static boolean isWorkload(HasMetadata o) {
        return o instanceof Deployment || o instanceof StatefulSet || o instanceof DaemonSet
                || o instanceof Job;
    }

    public static State of(HasMetadata o) {
        return switch (o) {
            case Deployment d -> replicas(d.getStatus() == null ? null
                    : d.getStatus().getObservedGeneration(), d.getMetadata().getGeneration(),
                    d.getSpec().getReplicas(),
                    d.getStatus() == null ? null : d.getStatus().getUpdatedReplicas(),
                    d.getStatus() == null ? null : d.getStatus().getReadyReplicas());
            case StatefulSet s -> replicas(s.getStatus() == null ? null
                    : s.getStatus().getObservedGeneration(), s.getMetadata().getGeneration(),
                    s.getSpec().getReplicas(),
                    s.getStatus() == null ? null : s.getStatus().getUpdatedReplicas(),
                    s.getStatus() == null ? null : s.getStatus().getReadyReplicas());
            case DaemonSet ds -> {
                var st = ds.getStatus();
                if (st == null || st.getDesiredNumberScheduled() == null) {
                    yield new State(false, false, "Waiting");
                }
                int desired = st.getDesiredNumberScheduled();
                int ready = orZero(st.getNumberReady());
                int updated = orZero(st.getUpdatedNumberScheduled());
                yield new State(ready >= desired && updated >= desired, false,
                        ready + "/" + desired + " ready");
            }
            case Job j -> {
                var st = j.getStatus();
                int completions = j.getSpec().getCompletions() == null ? 1
                        : j.getSpec().getCompletions();
                int succeeded = st == null ? 0 : orZero(st.getSucceeded());
                boolean failed = st != null && st.getConditions() != null
                        && st.getConditions().stream().anyMatch(c -> "Failed".equals(c.getType())
                                && "True".equals(c.getStatus()));
                yield failed ? new State(true, true, "Failed")
                        : new State(succeeded >= completions, false,
                                succeeded >= completions ? "Completed"
                                        : succeeded + "/" + completions + " completed");
            }
            default -> new State(true, false, "Applied");
        };
    }

    private static State replicas(Long observed, Long generation, Integer wanted,
            Integer updated, Integer ready) {
        int want = wanted == null ? 1 : wanted;
        boolean current = observed != null && (generation == null || observed >= generation);
        int r = orZero(ready);
        boolean done = current && orZero(updated) >= want && r >= want;
        return new State(done, false, r + "/" + want + " ready");
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
