package dev.jcompose.planner;

import static dev.jcompose.planner.PullPolicies.mustPull;
import static dev.jcompose.planner.PullPolicies.pullCause;

import dev.jcompose.model.PreStartHook;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.ImagePlanSteps.BuildStep;
import dev.jcompose.planner.ImagePlanSteps.PullStep;
import dev.jcompose.planner.engine.BuildSpec;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which images to pull, build and push, as docker compose does; pure, like the
 * {@link Reconciler} that calls it for {@code up}.
 *
 * <p>For {@code up}, per service: the pull policy ({@code --pull}, else {@code pull_policy},
 * else {@code missing}) says whether to pull; a service with {@code build:} is built when its
 * image is missing, when its policy is {@code build}, or with {@code --build}. A service with
 * both {@code image:} and {@code build:} first tries to pull, and is built only if that failed.
 * Each distinct image is pulled once, whatever the number of services using it; pulls run in
 * parallel, a build runs after the builds of the services it depends on.
 */
public final class ImagePlanner {

    /**
     * How {@code build} builds.
     *
     * @param services  services to build (empty: every service with a build section)
     * @param noCache   do not use the build cache
     * @param pull      always try to pull newer versions of the base images
     * @param args      build arguments overriding each service's {@code build.args}
     * @param memory    the build containers' memory limit in bytes (null: none)
     */
    public record BuildOptions(List<String> services, boolean noCache, boolean pull,
            Map<String, String> args, Long memory) {
        public BuildOptions {
            services = List.copyOf(services);
            args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        }

        public BuildOptions(List<String> services, boolean noCache, boolean pull,
                Map<String, String> args) {
            this(services, noCache, pull, args, null);
        }

        public static BuildOptions defaults() {
            return new BuildOptions(List.of(), false, false, Map.of());
        }
    }

    /**
     * How {@code pull} pulls.
     *
     * @param services        services whose images to pull (empty: all)
     * @param includeDeps     also pull the images of the named services' dependencies
     * @param ignoreFailures  report failed pulls as warnings and succeed
     * @param ignoreBuildable do not pull images of services that have a build section
     */
    public record PullOptions(List<String> services, boolean includeDeps, boolean ignoreFailures,
            boolean ignoreBuildable) {
        public PullOptions {
            services = List.copyOf(services);
        }

        public static PullOptions defaults() {
            return new PullOptions(List.of(), false, false, false);
        }
    }

    /**
     * How {@code push} pushes.
     *
     * @param services       services whose images to push (empty: all)
     * @param ignoreFailures report failed pushes as warnings and succeed
     */
    public record PushOptions(List<String> services, boolean ignoreFailures) {
        public PushOptions {
            services = List.copyOf(services);
        }
    }

    private final Project project;
    private final Plan.Builder plan;
    private final ImagePlanSteps steps;

    private ImagePlanner(Project project, Plan.Builder plan) {
        this.project = project;
        this.plan = plan;
        this.steps = new ImagePlanSteps(project, plan);
    }

    // --- up -------------------------------------------------------------------------------------

    /** Only the image steps {@code up} needs (pulls and builds), as a plan of their own. */
    public static Plan planUp(Project project, ObservedState observed, UpPlanOptions options) {
        for (String s : options.services()) {
            if (!project.services().containsKey(s)) {
                throw new PlanException(PlanException.unknownService(project, s));
            }
        }
        Project selected = project.withSelectedServices(options.services(), !options.noDeps());
        Plan.Builder plan = new Plan.Builder();
        planUp(plan, project, selected, observed, options);
        return plan.build();
    }

    /**
     * Adds the image steps of {@code up} for the {@code selected} services to {@code plan};
     * returns them.
     */
    static List<Integer> planUp(Plan.Builder plan, Project project, Project selected,
            ObservedState observed, UpPlanOptions options) {
        return new ImagePlanner(project, plan).up(selected, observed.imageState(), options);
    }

    private List<Integer> up(Project selected, ObservedImages images, UpPlanOptions options) {
        if (options.build() && options.noBuild()) {
            throw new PlanException("--build and --no-build cannot be used together");
        }
        if (options.pull() != null && !PullPolicies.POLICIES.contains(options.pull())) {
            throw new PlanException("--pull " + options.pull() + " is not a pull policy (use "
                    + "always, missing or never)");
        }
        Map<String, PullStep> pulls = new LinkedHashMap<>();
        Map<String, BuildStep> builds = new LinkedHashMap<>();
        for (Service s : selected.services().values()) {
            String image = s.imageName(project.name());
            boolean present = images.present(image);
            boolean buildable = s.build() != null && !options.noBuild();
            String policy = options.pull() != null ? options.pull()
                    : s.pullPolicy() != null ? s.pullPolicy() : "missing";
            if (buildable && options.build()) {
                policy = "build";
            }
            if (buildable) {
                boolean explicitImage = s.image() != null && !s.image().isEmpty();
                if ("build".equals(policy)) {
                    steps.build(builds, s, options.build() ? "--build" : "pull_policy build",
                            false);
                } else if (explicitImage && mustPull(project, s, policy, images, image)) {
                    ImagePlanSteps.pull(pulls, image, s, true, pullCause(policy, present));
                    steps.build(builds, s, "if the pull fails", true);
                } else if (!present) {
                    steps.build(builds, s, "image not found locally", false);
                }
                continue;
            }
            if (s.build() != null && !present && ("build".equals(policy)
                    || s.image() == null || s.image().isEmpty())) {
                throw new PlanException("service " + s.name() + " needs image " + image
                        + ", which is not present locally, and --no-build was given; build it "
                        + "first (jcompose build " + s.name() + ")");
            }
            if ("never".equals(policy) || "build".equals(policy)) {
                if (!present) {
                    throw new PlanException("service " + s.name() + " needs image " + image
                            + ", which is not present locally, and its pull policy is "
                            + policy + "; pull it first (jcompose pull " + s.name() + ")");
                }
                continue;
            }
            if (mustPull(project, s, policy, images, image)) {
                ImagePlanSteps.pull(pulls, image, s, false, pullCause(policy, present));
            }
        }
        // pre_start hooks naming their own image: pulled like the service's, under its policy
        for (Service s : selected.services().values()) {
            String policy = options.pull() != null ? options.pull()
                    : s.pullPolicy() != null ? s.pullPolicy() : "missing";
            for (PreStartHook h : s.preStart()) {
                String image = h.image();
                if (image == null || image.isEmpty() || image.equals(s.imageName(project.name()))) {
                    continue;
                }
                String hookPolicy = "build".equals(policy) ? "missing" : policy;
                if (!"never".equals(hookPolicy)
                        && mustPull(project, s, hookPolicy, images, image)) {
                    ImagePlanSteps.pull(pulls, image, s, false, "pre_start hook: "
                            + pullCause(hookPolicy, images.present(image)));
                }
            }
        }
        // an image also built by a service here may fail to pull: the build follows
        for (BuildStep b : builds.values()) {
            PullStep p = pulls.get(b.spec().tags().get(0));
            if (p != null) {
                p.mayFail = true;
            }
        }
        return steps.addSteps(selected, pulls, builds);
    }

    // --- build, pull, push ------------------------------------------------------------------

    /** The plan of {@code build}: the named services (or all) that have a build section. */
    public static Plan planBuild(Project project, BuildOptions options) {
        checkServices(project, options.services());
        Project selected = project.withSelectedServices(options.services(), false);
        ImagePlanner planner = new ImagePlanner(project, new Plan.Builder());
        Map<String, BuildStep> builds = new LinkedHashMap<>();
        for (Service s : selected.services().values()) {
            if (s.build() != null) {
                BuildSpec spec = BuildSpecs.buildSpec(project, s, options.args(),
                        options.noCache(), options.pull()).withMemory(options.memory());
                if (builds.putIfAbsent(spec.tags().get(0), new BuildStep(s, spec, "build",
                        false)) == null) {
                    BuildSpecs.warnUnsupported(planner.plan, s);
                }
            }
        }
        planner.steps.addSteps(selected, Map.of(), builds);
        return planner.plan.build();
    }

    /**
     * The plan of {@code pull}: the images of the named services (or all), each once. A service
     * without {@code image:} has nothing to pull; {@code pull_policy: never} or {@code build}
     * skips it, {@code missing} skips it when present (unless tagged latest); a failed pull of
     * a service that can be built is a warning.
     */
    public static Plan planPull(Project project, ObservedState observed, PullOptions options) {
        checkServices(project, options.services());
        Project selected = project.withSelectedServices(options.services(),
                options.includeDeps());
        ObservedImages images = observed.imageState();
        Map<String, PullStep> pulls = new LinkedHashMap<>();
        for (Service s : selected.services().values()) {
            if (s.image() == null || s.image().isEmpty()) {
                continue;
            }
            String policy = s.pullPolicy() == null ? "always" : s.pullPolicy();
            boolean present = images.present(s.image());
            if ("never".equals(policy) || "build".equals(policy)) {
                continue;
            }
            if (("missing".equals(policy) || "if_not_present".equals(policy)) && present
                    && !s.image().endsWith(":latest") && hasTag(s.image())) {
                continue;
            }
            if (s.build() != null && options.ignoreBuildable()) {
                continue;
            }
            boolean mayFail = options.ignoreFailures() || s.build() != null;
            ImagePlanSteps.pull(pulls, s.image(), s, mayFail, present ? "pull policy " + policy
                    : "image not found locally");
        }
        ImagePlanner planner = new ImagePlanner(project, new Plan.Builder());
        planner.steps.addSteps(selected, pulls, Map.of());
        return planner.plan.build();
    }

    /** The plan of {@code push}: the image and build tags of services with build and image. */
    public static Plan planPush(Project project, PushOptions options) {
        checkServices(project, options.services());
        Project selected = project.withSelectedServices(options.services(), false);
        Map<String, List<String>> pushes = new LinkedHashMap<>();
        for (Service s : selected.services().values()) {
            if (s.build() == null || s.image() == null || s.image().isEmpty()) {
                continue;
            }
            List<String> refs = new ArrayList<>();
            refs.add(s.image());
            refs.addAll(s.build().tags());
            for (String ref : refs) {
                pushes.computeIfAbsent(ref, k -> new ArrayList<>()).add(s.name());
            }
        }
        // tags of one repository go one after another: pushed in parallel, they upload the same
        // layers at once, and registries then lose blobs ("manifest blob unknown")
        Plan.Builder plan = new Plan.Builder();
        Map<String, Integer> lastInRepository = new HashMap<>();
        pushes.forEach((ref, services) -> {
            String repository = repositoryOf(ref);
            Integer before = lastInRepository.get(repository);
            int id = plan.add(new Action.PushImage(ref, services, options.ignoreFailures()),
                    "push", before == null ? List.of() : List.of(before));
            lastInRepository.put(repository, id);
        });
        return plan.build();
    }

    /** {@code registry/name} of a reference, without its tag or digest. */
    static String repositoryOf(String ref) {
        int at = ref.indexOf('@');
        String r = at < 0 ? ref : ref.substring(0, at);
        int colon = r.lastIndexOf(':');
        return colon > r.lastIndexOf('/') ? r.substring(0, colon) : r;
    }

    static boolean hasTag(String image) {
        int slash = image.lastIndexOf('/');
        return image.indexOf(':', slash + 1) >= 0 || image.contains("@");
    }

    private static void checkServices(Project project, List<String> services) {
        for (String s : services) {
            if (!project.services().containsKey(s)) {
                throw new PlanException(PlanException.unknownService(project, s));
            }
        }
    }
}
