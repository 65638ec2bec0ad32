package dev.jcompose.api;

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
public record StackDeployOptions(boolean prune, boolean await, Duration waitTimeout) { }
