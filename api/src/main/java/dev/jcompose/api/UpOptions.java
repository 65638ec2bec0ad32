package dev.jcompose.api;

import dev.jcompose.planner.UpPlanOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code up}.
 *
 * @param plan          how to converge (services, recreate policy, scale, pull, build)
 * @param dryRun        plan only: print the plan, touch nothing
 * @param waitForServices wait for services to be running or healthy before returning
 * @param waitTimeout   the longest to wait (with {@code wait}, and for dependency conditions)
 * @param parallelism   the most engine operations at once
 */
public record UpOptions(UpPlanOptions plan, boolean dryRun, boolean waitForServices, Duration waitTimeout,
        int parallelism) {

    public static UpOptions defaults() {
        return new UpOptions(UpPlanOptions.defaults(), false, false, null,
                dev.jcompose.planner.exec.Executor.DEFAULT_PARALLELISM);
    }

    public static UpOptions services(List<String> services) {
        return new UpOptions(new UpPlanOptions(services, false, false, false, false, Map.of(),
                false, null, false, false, null), false, false, null,
                dev.jcompose.planner.exec.Executor.DEFAULT_PARALLELISM);
    }
}
