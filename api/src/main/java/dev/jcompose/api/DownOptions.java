package dev.jcompose.api;

import dev.jcompose.planner.DownPlanOptions;

/**
 * Options of {@code down}.
 *
 * @param plan   what to remove (volumes, orphans, images) and the stop timeout
 * @param dryRun plan only
 */
public record DownOptions(DownPlanOptions plan, boolean dryRun, int parallelism) {

    public static DownOptions defaults() {
        return new DownOptions(DownPlanOptions.defaults(), false,
                dev.jcompose.planner.exec.Executor.DEFAULT_PARALLELISM);
    }
}
