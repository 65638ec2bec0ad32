package dev.jcompose.planner;

import dev.jcompose.model.DependsOn;
import dev.jcompose.model.Network;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.model.Volume;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.ImageSummary;
import dev.jcompose.planner.engine.NetworkSpec;
import dev.jcompose.planner.engine.NetworkSummary;
import dev.jcompose.planner.engine.VolumeSpec;
import dev.jcompose.planner.engine.VolumeSummary;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Plans {@code up}: a pure function of the project, what the engine has, and the options. The
 * plan pulls or builds missing images first (so a missing image fails before anything is
 * created), creates networks and volumes, then for each service creates, recreates or starts
 * its containers. A container starts once its dependencies satisfy their conditions; everything
 * else runs in parallel.
 */
public final class Reconciler {

    private final Project project;
    private final ObservedState observed;
    private final UpPlanOptions options;
    private final Plan.Builder plan = new Plan.Builder();

    private final List<Integer> imageSteps = new ArrayList<>();
    private final Map<String, Integer> imageStepByService = new HashMap<>();
    private final Map<String, Integer> networkSteps = new HashMap<>();
    private final Map<String, Integer> volumeSteps = new HashMap<>();
    /** Steps after which a service's containers exist (create or recreate). */
    private final Map<String, List<Integer>> createdSteps = new HashMap<>();
    /** Steps after which a service's containers run (start, or recreate when running). */
    private final Map<String, List<Integer>> startedSteps = new HashMap<>();
    private final Map<String, List<String>> containerNames = new HashMap<>();
    private final Map<String, Integer> awaitSteps = new HashMap<>();
    /** Services with a container recreated by this plan. */
    private final Set<String> recreated = new HashSet<>();
    /** Containers removed with a volume that is recreated (up -y): created afresh. */
    private final Set<String> replaced = new HashSet<>();
    /** Containers disconnected from a network that is recreated, by network key. */
    private final Map<String, List<ContainerSummary>> reconnect = new LinkedHashMap<>();
    /** Containers this plan recreates (they get the networks anew). */
    private final Set<String> recreatedIds = new HashSet<>();
    /** The last start of a container publishing a host port range: such starts go in turn. */
    private Integer lastRangeStart;

    /** False once the image phase has run: the plan is then of containers and resources. */
    private boolean planImages = true;

    private Reconciler(Project project, ObservedState observed, UpPlanOptions options) {
        this.project = project;
        this.observed = observed;
        this.options = options;
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
            throw new PlanException(unknownService(project, service));
        }
        List<String> deps = new ArrayList<>(DependencyGraph.dependenciesOf(
                project.service(service)));
        deps.retainAll(project.services().keySet());
        Reconciler r;
        if (noDeps || deps.isEmpty()) {
            r = new Reconciler(project, observed, runOptions(List.of(), false, switches));
            r.checkExternals(project.withSelectedServices(List.of(service), false));
        } else {
            r = new Reconciler(project, observed, runOptions(deps, true, switches));
            r.planImages = false;
            r.plan();
        }
        r.resources(project.service(service));
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
        checkExternals(selected);
        checkContainerNames(selected);
        checkSharedContainers(selected);
        if (planImages) {
            images(selected);
        }
        for (String service : graph.startOrder()) {
            if (selected.services().containsKey(service)) {
                resources(selected.service(service));
            }
        }
        if (options.allResources()) {
            // --all-resources: also the networks and volumes no service uses
            project.networks().keySet().forEach(this::network);
            project.volumes().keySet().forEach(this::volume);
        }
        for (String service : graph.startOrder()) {
            if (selected.services().containsKey(service)) {
                containers(selected.service(service));
            }
        }
        reconnect();
        orphans();
        return plan.build();
    }

    private Project select() {
        for (String s : options.services()) {
            if (!project.services().containsKey(s)) {
                throw new PlanException(unknownService(project, s));
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

    /** "no such service: x (known: a, b)". */
    public static String unknownService(Project project, String name) {
        String hint = project.disabledServices().containsKey(name)
                ? "; it is disabled: activate one of its profiles "
                        + project.disabledServices().get(name).profiles()
                : "";
        return "no such service: " + name + hint + " (services: "
                + String.join(", ", new TreeSet<>(project.services().keySet())) + ")";
    }

    /**
     * A service that joins another's network namespace or takes its volumes needs that
     * service's container; with {@code --no-deps} nothing creates it, so it must exist.
     */
    private void checkSharedContainers(Project selected) {
        for (Service s : selected.services().values()) {
            String net = s.networkMode();
            if (net != null && net.startsWith("service:")) {
                requireContainer(selected, net.substring("service:".length()),
                        "cannot share network namespace with service ");
            }
            for (String from : s.volumesFrom()) {
                if (!from.startsWith("container:")) {
                    String name = from.startsWith("service:") ? from.substring(8) : from;
                    requireContainer(selected, name.contains(":")
                            ? name.substring(0, name.indexOf(':')) : name,
                            "cannot share volume with service ");
                }
            }
        }
    }

    private void requireContainer(Project selected, String service, String what) {
        if (!selected.services().containsKey(service)
                && project.services().containsKey(service)
                && observed.containersOf(service).isEmpty()) {
            throw new PlanException(what + service + ": container missing (it is not part of "
                    + "this run, e.g. with --no-deps; start it first)");
        }
    }

    /** Two services with one container_name cannot both have their container. */
    private void checkContainerNames(Project selected) {
        Map<String, String> owner = new HashMap<>();
        for (Service s : selected.services().values()) {
            if (s.containerName() == null) {
                continue;
            }
            String other = owner.putIfAbsent(s.containerName(), s.name());
            if (other != null) {
                throw PlanException.at(project, s.name(), "container_name", "container name \""
                        + s.containerName() + "\" is already in use by service " + other
                        + "; service " + s.name() + " cannot have it too (container_name must "
                        + "be unique)");
            }
        }
    }

    private void checkExternals(Project selected) {
        for (Service s : selected.services().values()) {
            for (String key : s.networks().keySet()) {
                Network n = project.networks().get(key);
                if (n != null && n.isExternal() && !observed.networks().contains(n.name())) {
                    throw new PlanException("network " + n.name() + " declared as external, but "
                            + "could not be found (service " + s.name() + " uses it); create it "
                            + "with: docker network create " + n.name());
                }
            }
            for (ServiceVolume v : s.volumes()) {
                Volume vol = v.source() == null ? null : project.volumes().get(v.source());
                if (ServiceVolume.VOLUME.equals(v.type()) && vol != null && vol.isExternal()
                        && !observed.volumes().contains(vol.name())) {
                    throw new PlanException("volume " + vol.name() + " declared as external, but "
                            + "could not be found (service " + s.name() + " uses it); create it "
                            + "with: docker volume create " + vol.name());
                }
            }
        }
    }

    /** Pulls and builds: decided by the {@link ImagePlanner}. */
    private void images(Project selected) {
        ImagePlanner.UpSteps steps = ImagePlanner.planUp(plan, project, selected, observed,
                options);
        imageSteps.addAll(steps.all());
        steps.byService().forEach((service, ids) -> imageStepByService.put(service,
                ids.get(ids.size() - 1)));
    }

    private void resources(Service s) {
        s.networks().keySet().forEach(this::network);
        for (ServiceVolume v : s.volumes()) {
            if (ServiceVolume.VOLUME.equals(v.type()) && v.source() != null) {
                volume(v.source());
            }
        }
    }

    /**
     * Plans creating the project's network {@code key}, unless external or existing. One this
     * project made whose configuration has changed since (the hash on it differs) is recreated,
     * as docker compose does: its containers are disconnected, the network removed and created
     * again, and the containers that stay are connected again (running ones keep running).
     */
    private void network(String key) {
        Network n = project.networks().get(key);
        if (n == null || n.isExternal() || networkSteps.containsKey(key)) {
            return;
        }
        Map<String, String> labels = resourceLabels(n.labels(), Labels.NETWORK, key);
        String hash = ConfigHash.of(n);
        labels.put(Labels.NETWORK_HASH, hash);
        NetworkSpec spec = new NetworkSpec(n.name(), labels, n);
        if (!observed.networks().contains(n.name())) {
            networkSteps.put(key, plan.add(new Action.CreateNetwork(key, spec),
                    "no existing network", imageSteps));
            return;
        }
        NetworkSummary existing = observed.networkDetails().get(n.name());
        String had = existing == null ? null : existing.labels().get(Labels.NETWORK_HASH);
        if (had == null || had.equals(hash)
                || !project.name().equals(existing.labels().get(Labels.PROJECT))) {
            return;
        }
        List<Integer> disconnects = new ArrayList<>();
        for (ContainerSummary c : observed.containers()) {
            Service user = project.services().get(c.label(Labels.SERVICE));
            if (user != null && user.networks().containsKey(key)
                    && !"True".equals(c.label(Labels.ONEOFF))) {
                disconnects.add(plan.add(new Action.DisconnectNetwork(c.name(), c.id(),
                        n.name()), "network " + key + " is recreated", List.of()));
                reconnect.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
        }
        int remove = plan.add(new Action.RemoveNetwork(n.name()), "configuration changed",
                disconnects);
        networkSteps.put(key, plan.add(new Action.CreateNetwork(key, spec), "recreated",
                concat(imageSteps, remove)));
    }

    /** Connects the containers a recreated network lost, unless they were replaced. */
    private void reconnect() {
        reconnect.forEach((key, containers) -> {
            String engineName = project.networks().get(key).name();
            for (ContainerSummary c : containers) {
                Service s = project.services().get(c.label(Labels.SERVICE));
                if (recreatedIds.contains(c.id()) || replaced.contains(c.id())) {
                    // a new container joins the new network when it is created
                    continue;
                }
                ContainerSpec spec = ContainerSpecs.forService(project, s,
                        ObservedState.number(c), "");
                spec.networks().stream().filter(a -> a.network().equals(engineName))
                        .findFirst().ifPresent(a -> plan.add(new Action.ConnectNetwork(c.name(),
                                c.id(), a), "network " + key + " recreated",
                                List.of(networkSteps.get(key))));
            }
        });
    }

    /**
     * Plans creating the project's volume {@code key}, unless external or existing. An existing
     * one whose labels or driver no longer match the files is kept with a warning, or, with
     * {@code recreateVolumes} ({@code up -y}), removed with the containers using it and
     * created again.
     */
    private void volume(String key) {
        Volume vol = project.volumes().get(key);
        if (vol == null || vol.isExternal() || volumeSteps.containsKey(key)) {
            return;
        }
        Map<String, String> labels = resourceLabels(vol.labels(), Labels.VOLUME, key);
        VolumeSpec spec = new VolumeSpec(vol.name(), vol.driver(), vol.driverOpts(), labels);
        if (!observed.volumes().contains(vol.name())) {
            volumeSteps.put(key, plan.add(new Action.CreateVolume(key, spec),
                    "no existing volume", imageSteps));
            return;
        }
        VolumeSummary existing = observed.volumeDetails().get(vol.name());
        String diff = existing == null
                || !project.name().equals(existing.labels().get(Labels.PROJECT)) ? null
                : volumeDiff(vol, existing);
        if (diff == null) {
            return;
        }
        if (!options.recreateVolumes()) {
            plan.warn("volume " + vol.name() + " does not match the compose file (" + diff
                    + "); it is kept as it is, with its data; run up -y to remove it and "
                    + "create it again (its data is lost)");
            return;
        }
        List<Integer> removals = new ArrayList<>();
        for (ContainerSummary c : observed.containers()) {
            Service user = project.services().get(c.label(Labels.SERVICE));
            if (user == null || user.volumes().stream().noneMatch(v ->
                    ServiceVolume.VOLUME.equals(v.type()) && key.equals(v.source()))) {
                continue;
            }
            List<Integer> after = List.of();
            if (c.isRunning() || "paused".equals(c.state())) {
                after = List.of(plan.add(new Action.StopContainer(user.name(), c.name(), c.id(),
                        options.stopTimeout() != null ? options.stopTimeout()
                                : user.stopGracePeriod(), user.preStop()),
                        "volume " + key + " is recreated", List.of()));
            }
            removals.add(plan.add(new Action.RemoveContainer(user.name(), c.name(), c.id(),
                    false), "volume " + key + " is recreated", after));
            replaced.add(c.id());
        }
        int remove = plan.add(new Action.RemoveVolume(vol.name()), "changed in the compose file ("
                + diff + "), up -y", removals);
        volumeSteps.put(key, plan.add(new Action.CreateVolume(key, spec), "recreated",
                concat(imageSteps, remove)));
    }

    /** A network's or volume's labels: the declared ones and compose's (project, key). */
    private Map<String, String> resourceLabels(Map<String, String> declared, String keyLabel,
            String key) {
        Map<String, String> labels = new LinkedHashMap<>(declared);
        labels.put(Labels.PROJECT, project.name());
        labels.put(keyLabel, key);
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        return labels;
    }

    /** How a project volume differs from the file: labels and driver; null when it does not. */
    private static String volumeDiff(Volume vol, VolumeSummary existing) {
        List<String> diffs = new ArrayList<>();
        Set<String> keys = new java.util.TreeSet<>(vol.labels().keySet());
        existing.labels().keySet().stream().filter(k -> !k.startsWith("com.docker.compose."))
                .forEach(keys::add);
        for (String k : keys) {
            String want = vol.labels().get(k);
            String have = existing.labels().get(k);
            if (!java.util.Objects.equals(want, have)) {
                diffs.add("label " + k + ": " + (have == null ? "unset" : have) + " -> "
                        + (want == null ? "unset" : want));
            }
        }
        String driver = vol.driver() == null || vol.driver().isEmpty() ? "local" : vol.driver();
        if (existing.driver() != null && !driver.equals(existing.driver())) {
            diffs.add("driver: " + existing.driver() + " -> " + driver);
        }
        return diffs.isEmpty() ? null : String.join(", ", diffs);
    }

    private void containers(Service s) {
        if (s.healthcheck() != null && s.healthcheck().startInterval() != null
                && s.healthcheck().startPeriod() == null) {
            throw PlanException.at(project, s.name(), "healthcheck.start_interval",
                    "healthcheck.start_interval requires healthcheck.start_period to be set");
        }
        int replicas = options.scale().getOrDefault(s.name(), s.replicas());
        String hash = ConfigHash.of(s);
        List<ContainerSummary> existing = observed.containersOf(s.name()).stream()
                .filter(c -> !replaced.contains(c.id())).toList();
        Map<Integer, ContainerSummary> byNumber = new TreeMap<>();
        List<ContainerSummary> surplus = new ArrayList<>();
        for (ContainerSummary c : existing) {
            int n = ObservedState.number(c);
            if (n >= 1 && !byNumber.containsKey(n)) {
                byNumber.put(n, c);
            } else {
                surplus.add(c);
            }
        }
        // scaling down removes out-of-date containers first, then the highest numbers (as
        // docker compose does); new containers take the numbers after the highest kept
        List<ContainerSummary> ranked = new ArrayList<>(byNumber.values());
        if (ranked.size() > replicas) {
            Set<ContainerSummary> upToDate = new HashSet<>();
            ranked.stream().filter(c -> recreateCause(c, hash, s) == null)
                    .forEach(upToDate::add);
            ranked.sort(Comparator.comparing((ContainerSummary c) -> upToDate.contains(c))
                    .thenComparing(c -> -ObservedState.number(c)));
        }
        for (ContainerSummary c : ranked.subList(0, Math.max(0, ranked.size() - replicas))) {
            byNumber.remove(ObservedState.number(c));
            surplus.add(c);
        }
        List<Integer> numbers = new ArrayList<>(byNumber.keySet());
        int next = numbers.isEmpty() ? 1 : numbers.get(numbers.size() - 1) + 1;
        while (numbers.size() < replicas) {
            numbers.add(next++);
        }
        List<Integer> createAfter = new ArrayList<>(imageSteps);
        s.networks().keySet().forEach(k -> addIfPresent(createAfter, networkSteps.get(k)));
        s.volumes().forEach(v -> addIfPresent(createAfter, volumeSteps.get(v.source())));
        for (String ref : DependencyGraph.dependenciesOf(s)) {
            if (sharesNamespaceWith(s, ref)) {
                // network_mode/ipc/pid service:x join x's running container at create
                createAfter.addAll(startedSteps.getOrDefault(ref, List.of()));
            } else if (!s.dependsOn().containsKey(ref) || volumesFrom(s, ref)) {
                // volumes_from x needs x's container at create
                createAfter.addAll(createdSteps.getOrDefault(ref, List.of()));
            }
        }
        // the dependency waits are planned only if a container of this service starts
        Supplier<List<Integer>> startAfter = memoize(() -> startPrerequisites(s));
        Duration stopTimeout = options.stopTimeout() != null ? options.stopTimeout()
                : s.stopGracePeriod();
        List<Integer> created = new ArrayList<>();
        List<Integer> started = new ArrayList<>();
        List<String> names = new ArrayList<>();
        // starts are planned once every container is created: pre_start hooks go between
        List<PendingStart> starts = new ArrayList<>();
        boolean everStarted = false;
        for (int n : numbers) {
            ContainerSpec spec = ContainerSpecs.forService(project, s, n, hash,
                    options.compatibility());
            names.add(spec.name());
            ContainerSummary c = byNumber.get(n);
            if (c == null) {
                int create = plan.add(new Action.CreateContainer(s.name(), n, spec),
                        "no existing container", createAfter);
                created.add(create);
                starts.add(new PendingStart(spec, spec.name(), null, "created", List.of(create),
                        true));
                continue;
            }
            String cause = recreateCause(c, hash, s);
            if (cause != null) {
                if (!options.renewAnonVolumes()) {
                    spec = ContainerSpecs.inheritAnonymousVolumes(spec, c.anonymousVolumes(),
                            observed.imageState().get(s.imageName(project.name()))
                                    .map(ImageSummary::volumes).orElse(Set.of()));
                }
                int recreate = recreate(s, n, c, spec, stopTimeout, cause, createAfter);
                recreatedIds.add(c.id());
                created.add(recreate);
                recreated.add(s.name());
                starts.add(new PendingStart(spec, spec.name(), null, "recreated",
                        List.of(recreate), true));
                continue;
            }
            // a container that was created but never started has not seen its hooks yet
            boolean fresh = PreStartHooks.neverStarted(c);
            everStarted |= !fresh;
            if (!c.isRunning()) {
                starts.add(new PendingStart(spec, c.name(), c.id(), "container " + c.state(),
                        List.of(), fresh));
            } else if (!options.noStart()) {
                String dependency = recreatedRestartDependency(s);
                if (dependency != null) {
                    // depends_on restart: true, and the dependency is recreated: restart
                    String restartCause = "dependency " + dependency + " recreated (restart: true)";
                    int stop = plan.add(new Action.StopContainer(s.name(), c.name(), c.id(),
                            stopTimeout, s.preStop()), restartCause, createdSteps.get(dependency));
                    starts.add(new PendingStart(spec, c.name(), c.id(), restartCause,
                            List.of(stop), false));
                }
            }
        }
        if (!options.noStart()) {
            List<Integer> serviceHooks = List.of();
            if (!everStarted && !starts.isEmpty()) {
                // once for the service, before any of its containers first starts
                serviceHooks = PreStartHooks.forService(plan, project, s, starts.get(0).name(),
                        concat(startAfter.get(), created));
            }
            for (PendingStart p : starts) {
                List<Integer> after = concat(startAfter.get(), p.after());
                after.addAll(serviceHooks);
                if (p.fresh()) {
                    after.addAll(PreStartHooks.forReplica(plan, project, s, p.name(),
                            concat(startAfter.get(), p.after())));
                }
                started.add(start(p.spec(), new Action.StartContainer(s.name(), p.name(),
                        p.id(), s.postStart()), p.cause(), after));
            }
        }
        for (ContainerSummary c : surplus) {
            int stop = plan.add(new Action.StopContainer(s.name(), c.name(), c.id(), stopTimeout,
                    s.preStop()),
                    "scaled down to " + replicas, List.of());
            plan.add(new Action.RemoveContainer(s.name(), c.name(), c.id(), false),
                    "scaled down to " + replicas, List.of(stop));
        }
        createdSteps.put(s.name(), created);
        startedSteps.put(s.name(), started);
        containerNames.put(s.name(), names);
    }

    /**
     * Plans replacing container {@code c} as docker compose does: the new container is created
     * under a temporary name, the old one stopped (its pre_stop hooks run, the stop is paced as
     * any other) and removed, and the new one renamed. Returns the rename: the step after which
     * the service's container exists again under its name.
     */
    private int recreate(Service s, int n, ContainerSummary c, ContainerSpec spec,
            Duration stopTimeout, String cause, List<Integer> createAfter) {
        String temporary = c.id().substring(0, Math.min(12, c.id().length())) + "_" + spec.name();
        int create = plan.add(new Action.CreateContainer(s.name(), n, spec, temporary), cause,
                createAfter);
        String replaced = "replaced by #" + create;
        List<Integer> removeAfter = List.of(create);
        if (c.isRunning() || "paused".equals(c.state())) {
            removeAfter = List.of(plan.add(new Action.StopContainer(s.name(), c.name(), c.id(),
                    stopTimeout, s.preStop()), replaced, List.of(create)));
        }
        int remove = plan.add(new Action.RemoveContainer(s.name(), c.name(), c.id(), false),
                replaced, removeAfter);
        return plan.add(new Action.RenameContainer(s.name(), temporary, spec.name(), c.id()),
                "finishes the recreate", List.of(remove));
    }

    /** A start planned once the service's creates are: the container, why, and after what. */
    private record PendingStart(ContainerSpec spec, String name, String id, String cause,
            List<Integer> after, boolean fresh) { }

    private static boolean volumesFrom(Service s, String ref) {
        for (String from : s.volumesFrom()) {
            String name = from.startsWith("service:") ? from.substring(8) : from;
            if (name.equals(ref) || name.startsWith(ref + ":")) {
                return true;
            }
        }
        return false;
    }

    private static boolean sharesNamespaceWith(Service s, String ref) {
        String mode = "service:" + ref;
        return mode.equals(s.networkMode()) || mode.equals(s.ipc()) || mode.equals(s.pid());
    }

    /** Steps a container of {@code s} must wait for before it starts. */
    private List<Integer> startPrerequisites(Service s) {
        List<Integer> after = new ArrayList<>();
        for (Map.Entry<String, DependsOn> dep : s.dependsOn().entrySet()) {
            addIfPresent(after, await(dep.getKey(), dep.getValue().waitCondition(),
                    !Boolean.FALSE.equals(dep.getValue().required())));
        }
        for (String ref : DependencyGraph.dependenciesOf(s)) {
            if (!s.dependsOn().containsKey(ref)) {
                after.addAll(startedSteps.getOrDefault(ref, List.of()));
            }
        }
        return after;
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /**
     * Plans a start; starts of containers that publish a host port range go one after another,
     * because the engine allocates ranges racily when they start together.
     */
    private int start(ContainerSpec spec, Action.StartContainer action, String cause,
            List<Integer> after) {
        boolean range = spec.portBindings().stream().anyMatch(b -> b.hostPort().contains("-"));
        if (!range) {
            return plan.add(action, cause, after);
        }
        List<Integer> deps = lastRangeStart == null ? after : concat(after, lastRangeStart);
        lastRangeStart = plan.add(action, cause, deps);
        return lastRangeStart;
    }

    /** A dependency of {@code s} with restart: true that this plan recreates, or null. */
    private String recreatedRestartDependency(Service s) {
        for (Map.Entry<String, DependsOn> dep : s.dependsOn().entrySet()) {
            if (dep.getValue().restartsWithDependency() && recreated.contains(dep.getKey())) {
                return dep.getKey();
            }
        }
        return null;
    }

    private String recreateCause(ContainerSummary c, String hash, Service s) {
        if (options.noRecreate()) {
            return null;
        }
        boolean named = options.services().isEmpty() || options.services().contains(s.name());
        if (named && options.forceRecreate()) {
            return "--force-recreate";
        }
        if (!named && options.alwaysRecreateDeps()) {
            return "--always-recreate-deps";
        }
        if (!hash.equals(c.label(Labels.CONFIG_HASH))) {
            return "config hash changed";
        }
        String volume = volumeChange(c, s);
        if (volume != null) {
            return volume;
        }
        String imageId = observed.imageId(s.imageName(project.name())).orElse(null);
        String used = c.label(Labels.IMAGE);
        if (imageId != null && used != null && !used.equals(imageId)) {
            return "image changed";
        }
        return null;
    }

    /**
     * A named volume mount whose engine-side volume differs from the container's (an external
     * volume's name changed through the environment, say): the service's own config is the
     * same, so its hash cannot tell.
     */
    private String volumeChange(ContainerSummary c, Service s) {
        if (c.volumes().isEmpty()) {
            return null;
        }
        for (ContainerSpec.Mount m : ContainerSpecs.forService(project, s, 1, "").mounts()) {
            if (ServiceVolume.VOLUME.equals(m.type()) && m.source() != null) {
                String mounted = c.volumes().get(m.target());
                if (mounted != null && !mounted.equals(m.source())) {
                    return "volume at " + m.target() + " is now " + m.source();
                }
            }
        }
        return null;
    }

    /** The step that waits for {@code service} to satisfy {@code condition}, created once. */
    private Integer await(String service, DependsOn.Condition condition, boolean required) {
        if (!project.services().containsKey(service)) {
            return null;
        }
        String key = service + "|" + condition + "|" + required;
        Integer existing = awaitSteps.get(key);
        if (existing != null) {
            return existing;
        }
        List<String> names = containerNames.getOrDefault(service, List.of());
        if (names.isEmpty() && observed.containersOf(service).isEmpty()
                && !startedSteps.containsKey(service)) {
            // the dependency is not part of this run (--no-deps) and has no containers
            return null;
        }
        List<String> waitFor = names.isEmpty()
                ? observed.containersOf(service).stream().map(ContainerSummary::name).toList()
                : names;
        int id = plan.add(new Action.AwaitService(service, condition, waitFor, required),
                "a dependency",
                startedSteps.getOrDefault(service, List.of()));
        awaitSteps.put(key, id);
        return id;
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

    private static void addIfPresent(List<Integer> list, Integer id) {
        if (id != null) {
            list.add(id);
        }
    }

    private static List<Integer> concat(List<Integer> list, List<Integer> more) {
        List<Integer> out = new ArrayList<>(list);
        out.addAll(more);
        return out;
    }

    private static List<Integer> concat(List<Integer> list, int id) {
        List<Integer> out = new ArrayList<>(list);
        out.add(id);
        return out;
    }
}
