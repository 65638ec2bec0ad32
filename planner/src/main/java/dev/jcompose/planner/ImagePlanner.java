package dev.jcompose.planner;

import dev.jcompose.model.Build;
import dev.jcompose.model.PreStartHook;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.BuildSpec;
import dev.jcompose.planner.engine.ImageSummary;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The image steps of {@code up}: all of them, and the ones each service waits for. */
    public record UpSteps(List<Integer> all, Map<String, List<Integer>> byService) {
        public UpSteps {
            all = List.copyOf(all);
            byService = Map.copyOf(byService);
        }
    }

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
            args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
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

    private static final Set<String> POLICIES = Set.of("always", "never", "missing",
            "if_not_present", "build");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|w|d|h|m|s)");

    private final Project project;
    private final Plan.Builder plan;

    private ImagePlanner(Project project, Plan.Builder plan) {
        this.project = project;
        this.plan = plan;
    }

    // --- up -------------------------------------------------------------------------------------

    /** Only the image steps {@code up} needs (pulls and builds), as a plan of their own. */
    public static Plan planUp(Project project, ObservedState observed, UpPlanOptions options) {
        for (String s : options.services()) {
            if (!project.services().containsKey(s)) {
                throw new PlanException(Reconciler.unknownService(project, s));
            }
        }
        Project selected = project.withSelectedServices(options.services(), !options.noDeps());
        Plan.Builder plan = new Plan.Builder();
        planUp(plan, project, selected, observed, options);
        return plan.build();
    }

    /** Adds the image steps of {@code up} for the {@code selected} services to {@code plan}. */
    static UpSteps planUp(Plan.Builder plan, Project project, Project selected,
            ObservedState observed, UpPlanOptions options) {
        return new ImagePlanner(project, plan).up(selected, observed.imageState(), options);
    }

    private UpSteps up(Project selected, ObservedImages images, UpPlanOptions options) {
        if (options.build() && options.noBuild()) {
            throw new PlanException("--build and --no-build cannot be used together");
        }
        if (options.pull() != null && !POLICIES.contains(options.pull())) {
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
                    build(builds, s, options.build() ? "--build" : "pull_policy build", false);
                } else if (explicitImage && mustPull(s, policy, images, image)) {
                    pull(pulls, image, s, true, pullCause(policy, present));
                    build(builds, s, "if the pull fails", true);
                } else if (!present) {
                    build(builds, s, "image not found locally", false);
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
            if (mustPull(s, policy, images, image)) {
                pull(pulls, image, s, false, pullCause(policy, present));
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
                if (!"never".equals(hookPolicy) && mustPull(s, hookPolicy, images, image)) {
                    pull(pulls, image, s, false, "pre_start hook: "
                            + pullCause(hookPolicy, images.present(image)));
                }
            }
        }
        // an image also built by a service here may fail to pull: the build follows
        for (BuildStep b : builds.values()) {
            PullStep p = pulls.get(b.spec.tags().get(0));
            if (p != null) {
                p.mayFail = true;
            }
        }
        return addSteps(selected, pulls, builds);
    }

    private static String pullCause(String policy, boolean present) {
        if (!present) {
            return "image not found locally";
        }
        return "always".equals(policy) ? "pull policy always" : "pull policy " + policy
                + ": image older than that";
    }

    /** Whether {@code policy} asks for a pull of {@code image} now. */
    private boolean mustPull(Service s, String policy, ObservedImages images,
            String image) {
        boolean present = images.present(image);
        return switch (policy) {
            case "always" -> true;
            case "never", "build" -> false;
            case "missing", "if_not_present" -> !present;
            default -> {
                Duration every = refreshInterval(policy);
                if (every == null) {
                    throw PlanException.at(project, s.name(), "pull_policy", policy
                            + " is not a pull policy (use always, never, missing, build, daily, "
                            + "weekly or every_<duration>)");
                }
                if (!present) {
                    yield true;
                }
                Instant arrived = images.get(image).map(ImageSummary::arrived).orElse(null);
                yield arrived == null || !images.at().isBefore(arrived.plus(every));
            }
        };
    }

    /**
     * How often {@code daily}, {@code weekly} and {@code every_<duration>} refresh (durations
     * like {@code 12h}, {@code 2d}, {@code 1w}, {@code 1h30m}); null for any other policy.
     */
    public static Duration refreshInterval(String policy) {
        if (policy == null) {
            return null;
        }
        switch (policy) {
            case "daily":
                return Duration.ofDays(1);
            case "weekly":
                return Duration.ofDays(7);
            default:
                break;
        }
        if (!policy.startsWith("every_")) {
            return null;
        }
        String text = policy.substring("every_".length()).toLowerCase(Locale.ROOT);
        Matcher m = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int pos = 0;
        while (pos < text.length()) {
            if (!m.find(pos) || m.start() != pos) {
                return null;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
            pos = m.end();
        }
        return pos == 0 || total.isZero() ? null : total;
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
                BuildSpec spec = buildSpec(project, s, options.args(), options.noCache(),
                        options.pull()).withMemory(options.memory());
                if (builds.putIfAbsent(spec.tags().get(0), new BuildStep(s, spec, "build",
                        false)) == null) {
                    warnUnsupported(planner.plan, s);
                }
            }
        }
        planner.addSteps(selected, Map.of(), builds);
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
            pull(pulls, s.image(), s, mayFail, present ? "pull policy " + policy
                    : "image not found locally");
        }
        ImagePlanner planner = new ImagePlanner(project, new Plan.Builder());
        planner.addSteps(selected, pulls, Map.of());
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

    private static boolean hasTag(String image) {
        int slash = image.lastIndexOf('/');
        return image.indexOf(':', slash + 1) >= 0 || image.contains("@");
    }

    private static void checkServices(Project project, List<String> services) {
        for (String s : services) {
            if (!project.services().containsKey(s)) {
                throw new PlanException(Reconciler.unknownService(project, s));
            }
        }
    }

    // --- down --rmi -------------------------------------------------------------------------

    /**
     * The images {@code down --rmi} removes, as references. {@code local}: the images compose
     * built and named itself ({@code project-service}, for services without {@code image:});
     * {@code all}: also every image a service names. Without a model (null {@code project}),
     * the images labelled with the project. With {@code removeOrphans}, also labelled images of
     * services no longer in the files.
     *
     * @param images the project's labelled images and the images its services name, as present
     */
    public static List<String> imagesToRemove(String projectName, Project project,
            List<ImageSummary> images, String mode, boolean removeOrphans) {
        if (mode == null) {
            return List.of();
        }
        if (!"local".equals(mode) && !"all".equals(mode)) {
            throw new PlanException("--rmi " + mode + " is not valid (use local or all)");
        }
        boolean all = "all".equals(mode);
        Set<String> out = new LinkedHashSet<>();
        Set<String> present = new LinkedHashSet<>();
        for (ImageSummary img : images) {
            present.addAll(img.tags());
        }
        for (ImageSummary img : images) {
            if (!projectName.equals(img.label(Labels.PROJECT)) || img.tags().isEmpty()) {
                continue;
            }
            Service s = project == null ? null
                    : project.services().get(img.label(Labels.SERVICE));
            boolean prune = project == null || removeOrphans
                    || (s != null && (all || s.image() == null || s.image().isEmpty()));
            if (prune) {
                out.add(normalise(img.tags().get(0)));
            }
        }
        if (project != null) {
            for (Service s : project.services().values()) {
                boolean named = s.image() != null && !s.image().isEmpty();
                String ref = s.imageName(project.name());
                if ((all || !named) && present.contains(normalise(ref))) {
                    out.add(normalise(ref));
                }
            }
        }
        return List.copyOf(out);
    }

    /** {@code name} as the engine lists it: with {@code :latest} when it has no tag. */
    static String normalise(String ref) {
        return hasTag(ref) ? ref : ref + ":latest";
    }

    // --- steps and specs --------------------------------------------------------------------

    /** A pull of one image, for the services that use it. */
    private static final class PullStep {
        final String image;
        final List<String> services = new ArrayList<>();
        boolean mayFail;
        String cause;

        PullStep(String image, boolean mayFail, String cause) {
            this.image = image;
            this.mayFail = mayFail;
            this.cause = cause;
        }
    }

    private record BuildStep(Service service, BuildSpec spec, String cause,
            boolean onlyIfMissing) { }

    private static void pull(Map<String, PullStep> pulls, String image, Service s,
            boolean mayFail, String cause) {
        PullStep p = pulls.computeIfAbsent(image, k -> new PullStep(image, mayFail, cause));
        p.mayFail |= mayFail;
        if (!p.services.contains(s.name())) {
            p.services.add(s.name());
        }
    }

    private void build(Map<String, BuildStep> builds, Service s, String cause,
            boolean onlyIfMissing) {
        BuildSpec spec = buildSpec(project, s, Map.of(), false, false);
        if (builds.putIfAbsent(spec.tags().get(0), new BuildStep(s, spec, cause, onlyIfMissing))
                == null) {
            warnUnsupported(plan, s);
        }
    }

    /** Build options only BuildKit has: the classic builder we drive ignores them; say so. */
    private static void warnUnsupported(Plan.Builder plan, Service s) {
        Build b = s.build();
        List<String> ignored = new ArrayList<>();
        if (!b.ssh().isEmpty()) {
            ignored.add("ssh");
        }
        if (!b.secrets().isEmpty()) {
            ignored.add("secrets");
        }
        if (!b.additionalContexts().isEmpty()) {
            ignored.add("additional_contexts");
        }
        if (!b.cacheTo().isEmpty()) {
            ignored.add("cache_to");
        }
        if (!b.entitlements().isEmpty()) {
            ignored.add("entitlements");
        }
        if (Boolean.TRUE.equals(b.privileged())) {
            ignored.add("privileged");
        }
        if (!b.ulimits().isEmpty()) {
            ignored.add("ulimits");
        }
        if (b.isolation() != null) {
            ignored.add("isolation");
        }
        if (!ignored.isEmpty()) {
            plan.warn("service " + s.name() + ": build." + String.join(", build.", ignored)
                    + (ignored.size() == 1 ? " needs" : " need") + " BuildKit; the engine's "
                    + "classic builder, which jcompose drives, ignores "
                    + (ignored.size() == 1 ? "it" : "them"));
        }
    }

    /** Adds pulls (in parallel), then builds after their pull and their dependencies' builds. */
    private UpSteps addSteps(Project selected, Map<String, PullStep> pulls,
            Map<String, BuildStep> builds) {
        List<Integer> all = new ArrayList<>();
        Map<String, List<Integer>> byService = new LinkedHashMap<>();
        Map<String, Integer> pullIds = new LinkedHashMap<>();
        for (PullStep p : pulls.values()) {
            String cause = p.mayFail && !p.cause.isEmpty() ? p.cause + "; may fail" : p.cause;
            int id = plan.add(new Action.PullImage(p.image, p.services, p.mayFail), cause,
                    List.of());
            pullIds.put(p.image, id);
            all.add(id);
            p.services.forEach(s -> byService.computeIfAbsent(s, k -> new ArrayList<>()).add(id));
        }
        Map<String, Integer> buildIdByService = new LinkedHashMap<>();
        for (String name : buildOrder(selected, builds)) {
            BuildStep b = null;
            for (BuildStep candidate : builds.values()) {
                if (candidate.service.name().equals(name)) {
                    b = candidate;
                }
            }
            if (b == null) {
                continue;
            }
            List<Integer> after = new ArrayList<>();
            Integer pullId = pullIds.get(b.spec.tags().get(0));
            if (pullId != null) {
                after.add(pullId);
            }
            for (String dep : buildDependencies(b.service)) {
                Integer depId = buildIdByService.get(dep);
                if (depId != null) {
                    after.add(depId);
                }
            }
            int id = plan.add(new Action.BuildImage(b.service.name(), b.spec, b.onlyIfMissing),
                    b.cause, after);
            buildIdByService.put(name, id);
            all.add(id);
            // every service running this image waits for its build
            for (Service s : selected.services().values()) {
                if (s.imageName(project.name()).equals(b.spec.tags().get(0))) {
                    byService.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(id);
                }
            }
        }
        return new UpSteps(all, byService);
    }

    /** The services with a build, dependencies first. */
    private List<String> buildOrder(Project selected, Map<String, BuildStep> builds) {
        Set<String> wanted = new LinkedHashSet<>();
        builds.values().forEach(b -> wanted.add(b.service.name()));
        List<String> order = new ArrayList<>();
        try {
            Map<String, Set<String>> deps = new LinkedHashMap<>();
            for (String name : wanted) {
                Set<String> d = new LinkedHashSet<>(buildDependencies(selected.service(name)));
                d.retainAll(wanted);
                deps.put(name, d);
            }
            order.addAll(DependencyGraph.of(deps).startOrder());
        } catch (DependencyGraph.CycleException e) {
            throw new PlanException(e.getMessage());
        }
        for (String name : wanted) {
            if (!order.contains(name)) {
                order.add(name);
            }
        }
        return order;
    }

    /** Services whose image a build may need: its dependencies, and service contexts. */
    private static Set<String> buildDependencies(Service s) {
        Set<String> deps = new LinkedHashSet<>(DependencyGraph.dependenciesOf(s));
        if (s.build() != null) {
            for (String ctx : s.build().additionalContexts().values()) {
                if (ctx != null && ctx.startsWith("service:")) {
                    deps.add(ctx.substring("service:".length()));
                }
            }
        }
        return deps;
    }

    /**
     * What to build for {@code s}: its build section, tagged {@code project-service} (or its
     * {@code image:}) and its {@code build.tags}, labelled as compose labels built images.
     *
     * @param extraArgs build arguments overriding the service's ({@code --build-arg})
     */
    public static BuildSpec buildSpec(Project project, Service s, Map<String, String> extraArgs,
            boolean noCache, boolean pull) {
        Build b = s.build();
        String context = b.context() == null ? "." : b.context();
        if (context.contains("://") || context.startsWith("git@")
                || context.startsWith("github.com/")) {
            throw new PlanException("service " + s.name() + ": build.context " + context
                    + " is a remote context, which jcompose does not build yet; clone it and "
                    + "point build.context at the directory");
        }
        List<String> tags = new ArrayList<>();
        tags.add(s.imageName(project.name()));
        for (String t : b.tags()) {
            if (!tags.contains(t)) {
                tags.add(t);
            }
        }
        Map<String, String> args = new LinkedHashMap<>();
        b.args().forEach((k, v) -> {
            if (v != null) {
                args.put(k, v);
            }
        });
        extraArgs.forEach((k, v) -> {
            if (v != null) {
                args.put(k, v);
            }
        });
        Map<String, String> labels = new LinkedHashMap<>(b.labels());
        labels.put(Labels.PROJECT, project.name());
        labels.put(Labels.SERVICE, s.name());
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        if (b.platforms().size() > 1) {
            throw new PlanException("service " + s.name() + ": build.platforms lists "
                    + b.platforms().size() + " platforms " + b.platforms() + ", but the engine's "
                    + "builder builds one platform at a time; keep one");
        }
        if (s.platform() != null && !b.platforms().isEmpty()
                && !b.platforms().contains(s.platform())) {
            throw new PlanException("service " + s.name() + ": platform " + s.platform()
                    + " must be one of build.platforms " + b.platforms());
        }
        String platform = b.platforms().isEmpty() ? s.platform() : b.platforms().get(0);
        return new BuildSpec(Path.of(context),
                b.dockerfile() == null ? "Dockerfile" : b.dockerfile(), b.dockerfileInline(),
                args, b.target(), tags, labels, noCache || Boolean.TRUE.equals(b.noCache()),
                pull || Boolean.TRUE.equals(b.pull()), b.network(), b.extraHosts(), b.shmSize(),
                platform, b.cacheFrom());
    }
}
