package dev.jcompose.planner;

import dev.jcompose.model.PreStartHook;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans {@code pre_start} hooks. They run when a service's containers start for the first time
 * (created, recreated, or created earlier and never started): the hooks without
 * {@code per_replica} once for the service, before any of its containers starts, only if none
 * of them ever ran; the {@code per_replica} ones before each such container.
 */
final class PreStartHooks {

    static final String CAUSE = "first start of the service's containers";

    private PreStartHooks() {
    }

    /** Whether a container has never been started (its hooks have not run). */
    static boolean neverStarted(ContainerSummary c) {
        return "created".equals(c.state());
    }

    /** The service-wide hooks, before {@code target} starts; the step, or none. */
    static List<Integer> forService(Plan.Builder plan, Project project, Service s, String target,
            List<Integer> after) {
        return add(plan, project, s, false, target,
                project.name() + "-" + s.name() + "-pre_start-", after);
    }

    /** The per-replica hooks of {@code target}; the step, or none. */
    static List<Integer> forReplica(Plan.Builder plan, Project project, Service s,
            String target, List<Integer> after) {
        return add(plan, project, s, true, target, target + "-pre_start-", after);
    }

    private static List<Integer> add(Plan.Builder plan, Project project, Service s,
            boolean perReplica, String target, String namePrefix, List<Integer> after) {
        List<Integer> indexes = new ArrayList<>();
        List<ContainerSpec> specs = new ArrayList<>();
        for (int i = 0; i < s.preStart().size(); i++) {
            PreStartHook h = s.preStart().get(i);
            if (h.runsPerReplica() == perReplica) {
                indexes.add(i);
                specs.add(ContainerSpecs.forPreStartHook(project, s, h, i, target,
                        namePrefix + i));
            }
        }
        if (specs.isEmpty()) {
            return List.of();
        }
        return List.of(plan.add(new Action.RunPreStartHooks(s.name(), target, indexes, specs),
                CAUSE, after));
    }
}
