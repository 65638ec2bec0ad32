package dev.jcompose.api.local;

import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.ComposeException;
import dev.jcompose.api.PullOptions;
import dev.jcompose.api.PushOptions;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.ImagePlanner;
import dev.jcompose.planner.ObservedImages;
import dev.jcompose.planner.ObservedState;
import dev.jcompose.planner.PlanException;
import dev.jcompose.planner.UpPlanOptions;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.ImageSummary;
import dev.jcompose.planner.exec.Executor;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.Step;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The image commands ({@code build}, {@code pull}, {@code push}) and the image part of
 * {@code up} and {@code down}: plan with the {@link ImagePlanner}, execute with the
 * {@link Executor}.
 */
final class ImageService {

    private final Engine engine;
    private final ProgressListener progress;

    ImageService(Engine engine, ProgressListener progress) {
        this.engine = engine;
        this.progress = progress;
    }

    /**
     * {@code build}: the named services (with their dependencies if asked), then with
     * {@code push} their images pushed, as compose v2 with the classic builder. A buildx
     * builder or SSH forwarding cannot be had from the classic builder: warned and ignored.
     */
    Plan build(Project project, BuildOptions options) throws InterruptedException {
        List<String> services = withDependencies(project, options.services(),
                options.withDependencies());
        for (String w : ClassicBuilder.ignored(options)) {
            progress.on(ProgressEvent.warning("", "Warning", w));
        }
        Plan plan = ImagePlanner.planBuild(project, PlannerOptions.build(options, services));
        plan = run(project.name(), plan, options.dryRun(), options.parallelism());
        if (!options.push()) {
            return plan;
        }
        return concat(plan, push(project, PushOptions.defaults().withServices(services)
                .withDryRun(options.dryRun()).withParallelism(options.parallelism())));
    }

    Plan pull(Project project, PullOptions options) throws InterruptedException {
        Project policed = withPullPolicy(project, options.policy());
        Plan plan = ImagePlanner.planPull(policed, observeImages(policed),
                PlannerOptions.pull(options));
        return run(project.name(), plan, options.dryRun(), options.parallelism());
    }

    Plan push(Project project, PushOptions options) throws InterruptedException {
        Plan plan = ImagePlanner.planPush(project, PlannerOptions.push(options.withServices(
                withDependencies(project, options.services(), options.includeDeps()))));
        return run(project.name(), plan, options.dryRun(), options.parallelism());
    }

    /** {@code services} and, with {@code deps}, their dependencies (empty stays all). */
    private static List<String> withDependencies(Project project, List<String> services,
            boolean deps) {
        if (!deps || services.isEmpty()) {
            return services;
        }
        services.forEach(s -> {
            if (!project.services().containsKey(s)) {
                throw new ComposeException(PlanException.unknownService(project, s));
            }
        });
        return List.copyOf(project.withSelectedServices(services, true).services().keySet());
    }

    /** {@code pull --policy}: the policy of every service that names an image. */
    private static Project withPullPolicy(Project project, String policy) {
        if (policy == null) {
            return project;
        }
        if (!policy.equals("missing") && !policy.equals("always")) {
            throw new ComposeException("invalid --policy option \"" + policy
                    + "\": use missing or always");
        }
        Map<String, Service> services = new LinkedHashMap<>();
        project.services().forEach((name, s) -> services.put(name,
                s.image() == null || s.image().isEmpty() ? s
                        : s.toBuilder().pullPolicy(policy).build()));
        return project.withServices(services);
    }

    /** Result of {@link #ensure}: the image steps run, and the state observed after them. */
    record Ensured(Plan plan, ObservedState observed) { }

    /**
     * The first phase of {@code up}: pulls and builds what the services need, before anything
     * else is planned, so the containers are planned against the images they will run (a
     * rebuilt image recreates its containers). A failure here fails {@code up} before any
     * container, network or volume is created. With {@code dryRun}, nothing is run and the
     * returned state is the current one (the dry-run plan then shows the image steps: plan it
     * with {@code Reconciler.planUp}; else {@code Reconciler.planUpAfterImages}).
     */
    Ensured ensure(Project project, UpPlanOptions options, boolean dryRun, int parallelism)
            throws InterruptedException {
        ObservedState observed = ObservedState.observe(engine, project);
        if (dryRun) {
            return new Ensured(Plan.empty(), observed);
        }
        Plan plan = ImagePlanner.planUp(project, observed, options);
        warn(plan);
        if (plan.isEmpty()) {
            return new Ensured(plan, observed);
        }
        new Executor(engine, project.name(), progress, parallelism, null).execute(plan);
        return new Ensured(plan, ObservedState.observe(engine, project));
    }

    /** The project's labelled images and the images its services name, for down --rmi. */
    List<ImageSummary> forRemoval(String projectName, Project project) {
        Map<String, ImageSummary> byId = new LinkedHashMap<>();
        for (ImageSummary img : engine.listImages(ContainerSpecs.projectLabel(projectName))) {
            byId.put(img.id(), img);
        }
        if (project != null) {
            for (Service s : project.services().values()) {
                String ref = s.imageName(project.name());
                engine.inspectImage(ref).ifPresent(img -> {
                    List<String> tags = new ArrayList<>();
                    tags.add(ref);
                    tags.addAll(img.tags());
                    ImageSummary known = byId.get(img.id());
                    if (known != null) {
                        tags.addAll(known.tags());
                    }
                    byId.put(img.id(), new ImageSummary(img.id(), List.copyOf(
                            new LinkedHashSet<>(tags)), known != null ? known.labels()
                            : img.labels(), img.created(), img.lastTagged()));
                });
            }
        }
        return List.copyOf(byId.values());
    }

    /** {@code first} then {@code second}, numbered on, as one plan. */
    static Plan concat(Plan first, Plan second) {
        if (first.isEmpty()) {
            return second;
        }
        List<Step> steps = new ArrayList<>(first.steps());
        int offset = first.steps().size();
        for (Step s : second.steps()) {
            steps.add(new Step(s.id() + offset, s.action(), s.cause(),
                    s.after().stream().map(i -> i + offset).toList()));
        }
        List<String> warnings = new ArrayList<>(first.warnings());
        warnings.addAll(second.warnings());
        return new Plan(steps, warnings);
    }

    private ObservedState observeImages(Project project) {
        Set<String> refs = new LinkedHashSet<>();
        for (Service s : project.services().values()) {
            refs.add(s.imageName(project.name()));
        }
        return new ObservedState(project.name(), List.of(), Set.of(), Set.of(), Map.of(),
                ObservedImages.observe(engine, refs));
    }

    private Plan run(String projectName, Plan plan, boolean dryRun, int parallelism)
            throws InterruptedException {
        warn(plan);
        if (!dryRun && !plan.isEmpty()) {
            new Executor(engine, projectName, progress, parallelism, null).execute(plan);
        }
        return plan;
    }

    private void warn(Plan plan) {
        for (String w : plan.warnings()) {
            progress.on(ProgressEvent.warning("", "Warning", w));
        }
    }
}
