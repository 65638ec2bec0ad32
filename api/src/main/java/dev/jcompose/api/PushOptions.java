package dev.jcompose.api;

import dev.jcompose.planner.ImagePlanner;
import dev.jcompose.planner.exec.Executor;
import java.util.List;

/**
 * Options of {@code push}.
 *
 * @param plan        what to push: services, failures to ignore
 * @param dryRun      plan only
 * @param parallelism the most pushes at once
 */
public record PushOptions(ImagePlanner.PushOptions plan, boolean dryRun, int parallelism) {

    public static PushOptions defaults() {
        return new PushOptions(new ImagePlanner.PushOptions(List.of(), false), false,
                Executor.DEFAULT_PARALLELISM);
    }
}
