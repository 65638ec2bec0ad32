package dev.jcompose.planner;

import dev.jcompose.model.Project;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans {@code up}: a pure function of the project, what the engine has, and the options. The
 * plan pulls or builds missing images first ({@link ImagePlanner}; so a missing image fails
 * before anything is created), creates networks and volumes ({@link ResourceSteps}), then for
 * each service creates, recreates or starts its containers ({@link Convergence}), and finds the
 * orphans. A container starts once its dependencies satisfy their conditions; everything else
 * runs in parallel. What must hold before is checked first ({@link UpChecks}).
 */
public final class Reconciler {

    private final UpPlan up;
    private final Project project;
    private final ObservedState observed;
    private final UpPlanOptions options;
    private final Plan.Builder plan;
    private final UpChecks checks;
    private final ResourceSteps resources;
    private final Convergence convergence;

    /** False once the image phase has run: the plan is then of containers and resources. */
    private boolean planImages = true;

    private Reconciler(Project project, ObservedState observed, UpPlanOptions options) {
        this.up = new UpPlan(project, observed, options);
        this.project = project;
        this.observed = observed;
        this.options = options;
        this.plan = up.plan;
        this.checks = new UpChecks(project, observed);
        this.resources = new ResourceSteps(up);
        this.convergence = new Convergence(up);
    }

    /**
     * The plan that brings {@code project} up.
     *
     * @throws PlanException when the project cannot be brought up (a missing external network,
     *     an unknown service, a cycle)
     */
    public static Plan planUp(Project project, ObservedState observed, UpPlanOptions options) {
        return new Reconciler(project, observed, options).plan();
    }

    /**
     * As {@link #planUp}, after {@code up}'s image phase has pulled and built what the services
     * need ({@code observed} taken after it): the plan has no image steps, so no image is pulled
     * or built twice, and a rebuilt image recreates its containers.
     */
    public static Plan planUpAfterImages(Project project, ObservedState observed,
            UpPlanOptions options) {
        Reconciler r = new Reconciler(project, observed, options);
        r.planImages = false;
        return r.plan();
    }

    /**
     * What {@code run SERVICE} needs before its one-off container: the dependencies brought up
     * as {@code up} would (unless {@code noDeps}), and the service's own networks and volumes.
     * The service's regular containers are left alone. Images are not planned: {@code run}'s
     * image phase, as {@code up}'s, has pulled and built them before ({@code observed} is taken
     * after it).
     */
    public static Plan planRun(Project project, ObservedState observed, String service,
            boolean noDeps) {
        return planRun(project, observed, service, noDeps, UpPlanOptions.defaults());
    }

    /**
     * As {@link #planRun(Project, ObservedState, String, boolean)}, with the orphan and naming
     * switches of {@code switches} ({@code removeOrphans}, {@code ignoreOrphans},
     * {@code compatibility}).
     */
    public static Plan planRun(Project project, ObservedState observed, String service,
            boolean noDeps, UpPlanOptions switches) {
        if (!project.services().containsKey(service)) {
            throw new PlanException(PlanException.unknownService(project, service));
        }
        List<String> deps = new ArrayList<>(DependencyGraph.dependenciesOf(
                project.service(service)));
        deps.retainAll(project.services().keySet());
        Reconciler r;
        if (noDeps || deps.isEmpty()) {
            r = new Reconciler(project, observed, runOptions(List.of(), false, switches));
            r.checks.checkExternals(project.withSelectedServices(List.of(service), false));
        } else {
            r = new Reconciler(project, observed, runOptions(deps, true, switches));
            r.planImages = false;
            r.plan();
        }
        r.resources.resources(project.service(service));
        if (noDeps || deps.isEmpty()) {
            // (with dependencies, plan() looked for orphans already)
            r.orphans();
        }
        return r.plan.build();
    }

    private Plan plan() {
        DependencyGraph graph;
        try {
            graph = DependencyGraph.of(project);
        } catch (DependencyGraph.CycleException e) {
            throw new PlanException(e.getMessage());
        }
        Project selected = select();
        checks.checkExternals(selected);
        checks.checkContainerNames(selected);
        checks.checkSharedContainers(selected);
        if (planImages) {
            images(selected);
        }
        for (String service : graph.startOrder()) {
            if (selected.services().containsKey(service)) {
                resources.resources(selected.service(service));
            }
        }
        if (options.allResources()) {
            // --all-resources: also the networks and volumes no service uses
            project.networks().keySet().forEach(resources::network);
            project.volumes().keySet().forEach(resources::volume);
        }
        for (String service : graph.startOrder()) {
            if (selected.services().containsKey(service)) {
                convergence.containers(selected.service(service));
            }
        }
        resources.reconnect();
        orphans();
        return plan.build();
    }

    private Project select() {
        for (String s : options.services()) {
            if (!project.services().containsKey(s)) {
                throw new PlanException(PlanException.unknownService(project, s));
            }
        }
        return project.withSelectedServices(options.services(), !options.noDeps());
    }

    /** The options {@code run} brings its dependencies up with. */
    private static UpPlanOptions runOptions(List<String> deps, boolean noRecreate,
            UpPlanOptions switches) {
        return new UpPlanOptions(deps, false, false, noRecreate, switches.removeOrphans(),
                Map.of(), false, null, false, false, null)
                .withIgnoreOrphans(switches.ignoreOrphans())
                .withCompatibility(switches.compatibility());
    }

    /** Pulls and builds: decided by the {@link ImagePlanner}. */
    private void images(Project selected) {
        up.imageSteps.addAll(ImagePlanner.planUp(plan, project, selected, observed, options));
    }

    /**
     * Orphans, as docker compose counts them: containers of services no longer in the files,
     * and one-off containers that have ended. Removed with {@code removeOrphans}, kept silently
     * with {@code ignoreOrphans}, else kept with a warning.
     */
    private void orphans() {
        if (options.ignoreOrphans()) {
            return;
        }
        boolean remove = options.removeOrphans();
        Set<String> orphans = new LinkedHashSet<>();
        for (ContainerSummary c : observed.containers()) {
            String svc = c.label(Labels.SERVICE);
            if (svc == null || c.label(Labels.HOOK) != null) {
                continue;
            }
            boolean orphan = "True".equals(c.label(Labels.ONEOFF))
                    ? "exited".equals(c.state()) || "dead".equals(c.state())
                    : !project.services().containsKey(svc)
                            && !project.disabledServices().containsKey(svc);
            if (!orphan) {
                continue;
            }
            if (remove) {
                List<Integer> after = List.of();
                if (c.isRunning() || "paused".equals(c.state())) {
                    after = List.of(plan.add(new Action.StopContainer(svc, c.name(), c.id(),
                            null), "orphan container", List.of()));
                }
                plan.add(new Action.RemoveContainer(svc, c.name(), c.id(), false),
                        "orphan container", after);
            } else {
                orphans.add(c.name());
            }
        }
        if (!orphans.isEmpty()) {
            plan.warn("found orphan containers (" + String.join(", ", orphans) + ") for this "
                    + "project; if you removed or renamed their service, run this command with "
                    + "--remove-orphans to clean them up");
        }
    }
}
