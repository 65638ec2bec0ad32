package dev.jcompose.planner.exec;

import dev.jcompose.model.DependsOn;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.time.Duration;
import java.util.List;

/**
 * A plan's wait for a dependency ({@link Action.AwaitService}), as docker compose reports it:
 * "Waiting", then "Healthy" or "Exited" (nothing for service_started), a failed required
 * dependency an error, an optional one a warning.
 */
final class AwaitStep {

    private final Engine engine;
    private final ProgressListener progress;
    private final String project;
    private final Duration timeout;

    AwaitStep(Engine engine, ProgressListener progress, String project, Duration timeout) {
        this.engine = engine;
        this.progress = progress;
        this.project = project;
        this.timeout = timeout;
    }

    void await(Action.AwaitService a) throws InterruptedException {
        List<String> resources = a.containerNames().stream().map(n -> "Container " + n).toList();
        boolean quiet = a.condition() == DependsOn.Condition.STARTED;
        if (!quiet) {
            resources.forEach(r -> progress.on(ProgressEvent.working(r, "Waiting")));
        }
        try {
            new ConditionWaiter(engine).await(a.service(), a.containerNames(), a.condition(),
                    ContainerSpecs.projectLabel(project), timeout);
        } catch (ConditionWaiter.ConditionFailed e) {
            if (!a.required()) {
                // depends_on required: false: the dependent starts anyway
                String text = "optional dependency \"" + a.service() + "\" failed to start: "
                        + e.getMessage();
                resources.forEach(r -> progress.on(ProgressEvent.warning(r, "Warning", text)));
                return;
            }
            // planned awaits are dependencies of what starts next (docker compose's wording)
            ConditionWaiter.ConditionFailed failed = new ConditionWaiter.ConditionFailed(
                    "dependency failed to start: " + e.getMessage());
            resources.forEach(r -> progress.on(ProgressEvent.error(r, "Error",
                    failed.getMessage())));
            throw failed;
        }
        if (!quiet) {
            String text = a.condition() == DependsOn.Condition.HEALTHY ? "Healthy" : "Exited";
            resources.forEach(r -> progress.on(ProgressEvent.done(r, text)));
        }
    }
}
