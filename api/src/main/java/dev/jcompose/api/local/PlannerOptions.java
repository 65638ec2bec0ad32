package dev.jcompose.api.local;

import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.BuildPolicy;
import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.OrphanPolicy;
import dev.jcompose.api.PlanReport;
import dev.jcompose.api.PullOptions;
import dev.jcompose.api.PushOptions;
import dev.jcompose.api.Recreate;
import dev.jcompose.api.RemoveImages;
import dev.jcompose.api.RunOptions;
import dev.jcompose.api.UpOptions;
import dev.jcompose.planner.DownPlanOptions;
import dev.jcompose.planner.ImagePlanner;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.ObservedState;
import dev.jcompose.planner.UpPlanOptions;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.plan.Plan;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The door's options as the planner's, and the planner's results as the door's. */
final class PlannerOptions {

    private PlannerOptions() {
    }

    static UpPlanOptions up(UpOptions o) {
        return new UpPlanOptions(o.services(), o.noDeps(), o.recreate() == Recreate.FORCE,
                o.recreate() == Recreate.NEVER, o.orphans() == OrphanPolicy.REMOVE, o.scale(),
                o.noStart(), o.pull().flag(), o.build() == BuildPolicy.ALWAYS,
                o.build() == BuildPolicy.NEVER, o.stopTimeout())
                .withAlwaysRecreateDeps(o.alwaysRecreateDeps())
                .withRenewAnonVolumes(o.renewAnonVolumes())
                .withAllResources(o.allResources())
                .withRecreateVolumes(o.recreateVolumes())
                .withIgnoreOrphans(o.orphans() == OrphanPolicy.IGNORE)
                .withCompatibility(o.compatibility());
    }

    /** What {@code run} images and dependencies are brought up with. */
    static UpPlanOptions run(RunOptions o) {
        return new UpPlanOptions(List.of(o.service()), o.noDeps(), false, true,
                o.orphans() == OrphanPolicy.REMOVE, Map.of(), false, null, o.build(), false,
                null)
                .withIgnoreOrphans(o.orphans() == OrphanPolicy.IGNORE)
                .withCompatibility(o.compatibility());
    }

    static DownPlanOptions down(DownOptions o) {
        return new DownPlanOptions(o.removeVolumes(), o.removeOrphans(), o.timeout(),
                o.images() == RemoveImages.NONE ? null
                        : o.images().name().toLowerCase(Locale.ROOT), o.services());
    }

    static ImagePlanner.BuildOptions build(BuildOptions o, List<String> services) {
        return new ImagePlanner.BuildOptions(services, o.noCache(), o.pull(), o.args(),
                o.memory());
    }

    static ImagePlanner.PullOptions pull(PullOptions o) {
        return new ImagePlanner.PullOptions(o.services(), o.includeDeps(), o.ignoreFailures(),
                o.ignoreBuildable());
    }

    static ImagePlanner.PushOptions push(PushOptions o) {
        return new ImagePlanner.PushOptions(o.services(), o.ignoreFailures());
    }

    static PlanReport report(Plan plan) {
        return new PlanReport(plan.toString(), plan.warnings(), plan.steps().size());
    }

    static ContainerInfo info(ContainerSummary c) {
        List<ContainerInfo.Port> ports = c.ports().stream()
                .map(p -> new ContainerInfo.Port(p.hostIp(), p.hostPort(), p.containerPort(),
                        p.protocol()))
                .sorted(Comparator.comparingInt(ContainerInfo.Port::containerPort)
                        .thenComparing(ContainerInfo.Port::hostIp))
                .distinct()
                .toList();
        return new ContainerInfo(c.id(), c.name(), c.label(Labels.PROJECT),
                c.label(Labels.SERVICE), ObservedState.number(c),
                "True".equals(c.label(Labels.ONEOFF)), c.image(), c.state(), c.health(),
                c.exitCode(), ports, c.createdEpochSeconds(), listing(c));
    }

    private static ContainerInfo.Listing listing(ContainerSummary c) {
        ContainerSummary.Listing l = c.listing();
        return new ContainerInfo.Listing(l.command(), l.status(), l.names(), c.labels(),
                l.mounts(), l.localVolumes(), l.networks(), l.ports().stream()
                        .map(p -> new ContainerInfo.Port(p.hostIp(), p.hostPort(),
                                p.containerPort(), p.protocol()))
                        .toList(), l.sizeRw(), l.sizeRootFs());
    }
}
