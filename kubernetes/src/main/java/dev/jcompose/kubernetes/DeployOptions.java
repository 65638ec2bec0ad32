package dev.jcompose.kubernetes;

import java.time.Duration;

/**
 * How {@code k8s up} applies a project.
 *
 * @param waitForRollout wait until every workload has rolled out (Deployments, StatefulSets
 *                       and DaemonSets ready, Jobs completed)
 * @param timeout        how long to wait for the rollouts
 * @param removeOrphans  delete the project's objects the files no longer define (otherwise
 *                       they are reported)
 */
public record DeployOptions(boolean waitForRollout, Duration timeout, boolean removeOrphans) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public DeployOptions {
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
    }

    public static DeployOptions defaults() {
        return new DeployOptions(true, DEFAULT_TIMEOUT, false);
    }
}
