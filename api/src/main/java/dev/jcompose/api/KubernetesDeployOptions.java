package dev.jcompose.api;

import dev.jcompose.kubernetes.DeployOptions;
import java.time.Duration;

/**
 * How {@code k8s up} applies a project.
 *
 * @param waitForRollout wait until every workload has rolled out (Deployments, StatefulSets
 *                       and DaemonSets ready, Jobs completed)
 * @param timeout        how long to wait for the rollouts; null for {@link #DEFAULT_TIMEOUT}
 * @param removeOrphans  delete the project's objects the files no longer define (otherwise
 *                       they are reported)
 */
public record KubernetesDeployOptions(boolean waitForRollout, Duration timeout,
        boolean removeOrphans) {

    public static final Duration DEFAULT_TIMEOUT = DeployOptions.DEFAULT_TIMEOUT;

    public KubernetesDeployOptions {
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
    }
}
