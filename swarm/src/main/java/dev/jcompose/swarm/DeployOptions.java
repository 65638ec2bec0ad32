package dev.jcompose.swarm;

import java.time.Duration;

/**
 * How {@code stack deploy} goes.
 *
 * @param prune       remove the stack's services no longer in the files, and the networks,
 *                    secrets and configs nothing uses any more
 * @param await       return only when every service has converged (tasks running, healthy
 *                    when they have a healthcheck; jobs completed), failing when one does not
 * @param waitTimeout how long {@code await} waits at most, and the deploy of a service for its
 *                    dependencies; null: as long as it takes
 */
public record DeployOptions(boolean prune, boolean await, Duration waitTimeout) {

    public static DeployOptions defaults() {
        return new DeployOptions(false, false, null);
    }

    public DeployOptions withPrune(boolean on) {
        return new DeployOptions(on, await, waitTimeout);
    }

    public DeployOptions withWait(boolean on) {
        return new DeployOptions(prune, on, waitTimeout);
    }

    public DeployOptions withWaitTimeout(Duration timeout) {
        return new DeployOptions(prune, await, timeout);
    }
}
