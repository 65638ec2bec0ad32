package dev.jcompose.api;

import dev.jcompose.planner.ImagePlanner;
import dev.jcompose.planner.exec.Executor;

/**
 * Options of {@code pull}.
 *
 * @param plan        what to pull: services, dependencies, failures to ignore
 * @param dryRun      plan only
 * @param parallelism the most pulls at once
 */
public record PullOptions(ImagePlanner.PullOptions plan, boolean dryRun, int parallelism) {

    public static PullOptions defaults() {
        return new PullOptions(ImagePlanner.PullOptions.defaults(), false,
                Executor.DEFAULT_PARALLELISM);
    }
}
