package dev.jcompose.api;

import dev.jcompose.planner.ImagePlanner;
import dev.jcompose.planner.exec.Executor;

/**
 * Options of {@code build}.
 *
 * @param plan        what to build: services, no-cache, pull, build args
 * @param dryRun      plan only: print the plan, build nothing
 * @param parallelism the most builds at once
 */
public record BuildOptions(ImagePlanner.BuildOptions plan, boolean dryRun, int parallelism) {

    public static BuildOptions defaults() {
        return new BuildOptions(ImagePlanner.BuildOptions.defaults(), false,
                Executor.DEFAULT_PARALLELISM);
    }
}
