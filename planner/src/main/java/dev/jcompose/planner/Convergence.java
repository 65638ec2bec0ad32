package dev.jcompose.planner;

import static dev.jcompose.planner.UpPlan.addIfPresent;
import static dev.jcompose.planner.UpPlan.concat;

import dev.jcompose.model.DependsOn;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.ImageSummary;
import dev.jcompose.planner.plan.Action;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The containers of an {@code up} plan, service by service in dependency order, as docker
 * compose's convergence: scaled to the replicas wanted, created when missing, recreated when
 * their configuration, image or volumes changed (or when forced), started when stopped, and
 * restarted when a dependency with {@code restart: true} is recreated. A container starts once
 * its dependencies satisfy their conditions (the waits are planned here, once per dependency
 * and condition) and its pre_start hooks have run.
 */
final class Convergence {

    private final UpPlan up;
    private final Map<String, Integer> awaitSteps = new HashMap<>();
    /** Services with a container recreated by this plan. */
    private final Set<String> recreated = new HashSet<>();
    /** The last start of a container publishing a host port range: such starts go in turn. */
    private Integer lastRangeStart;

    Convergence(UpPlan up) {
        this.up = up;
    }

    /** Plans the containers of {@code s}. */
    void containers(Service s) {
        if (s.healthcheck() != null && s.healthcheck().startInterval() != null
                && s.healthcheck().startPeriod() == null) {
            throw PlanException.at(up.project, s.name(), "healthcheck.start_interval",
                    "healthcheck.start_interval requires healthcheck.start_period to be set");
        }
        int replicas = up.options.scale().getOrDefault(s.name(), s.replicas());
        String hash = ConfigHash.of(s, this::unchangedContainerId);
        List<ContainerSummary> existing = up.observed.containersOf(s.name()).stream()
                .filter(c -> !up.replaced.contains(c.id())).toList();
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
        List<Integer> createAfter = new ArrayList<>(up.imageSteps);
        s.networks().keySet().forEach(k -> addIfPresent(createAfter, up.networkSteps.get(k)));
        s.volumes().forEach(v -> addIfPresent(createAfter, up.volumeSteps.get(v.source())));
        for (String ref : DependencyGraph.dependenciesOf(s)) {
            if (sharesNamespaceWith(s, ref)) {
                // network_mode/ipc/pid service:x join x's running container at create
                createAfter.addAll(up.startedSteps.getOrDefault(ref, List.of()));
            } else if (!s.dependsOn().containsKey(ref) || volumesFrom(s, ref)
                    || linksTo(s, ref)) {
                // volumes_from x and links to x need x's container at create (a link to a
                // container that does not exist yet would be left out)
                createAfter.addAll(up.createdSteps.getOrDefault(ref, List.of()));
            }
        }
        // the dependency waits are planned only if a container of this service starts
        Supplier<List<Integer>> startAfter = memoize(() -> startPrerequisites(s));
        Duration stopTimeout = up.options.stopTimeout() != null ? up.options.stopTimeout()
                : s.stopGracePeriod();
        List<Integer> created = new ArrayList<>();
        List<Integer> started = new ArrayList<>();
        List<String> names = new ArrayList<>();
        // starts are planned once every container is created: pre_start hooks go between
        List<PendingStart> starts = new ArrayList<>();
        boolean everStarted = false;
        for (int n : numbers) {
            ContainerSpec spec = ContainerSpecs.forService(up.project, s, n, hash,
                    up.options.compatibility());
            names.add(spec.name());
            ContainerSummary c = byNumber.get(n);
            if (c == null) {
                int create = up.plan.add(new Action.CreateContainer(s.name(), n, spec),
                        "no existing container", createAfter);
                created.add(create);
                starts.add(new PendingStart(spec, spec.name(), null, "created", List.of(create),
                        true));
                continue;
            }
            String cause = recreateCause(c, hash, s);
            if (cause != null) {
                if (!up.options.renewAnonVolumes()) {
                    spec = ContainerSpecs.inheritAnonymousVolumes(spec, c.anonymousVolumes(),
                            up.observed.imageState().get(s.imageName(up.project.name()))
                                    .map(ImageSummary::volumes).orElse(Set.of()));
                }
                int recreate = recreate(s, n, c, spec, stopTimeout, cause, createAfter);
                up.recreatedIds.add(c.id());
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
            } else if (!up.options.noStart()) {
                String dependency = recreatedRestartDependency(s);
                if (dependency != null) {
                    // depends_on restart: true, and the dependency is recreated: restart
                    String restartCause = "dependency " + dependency + " recreated (restart: true)";
                    int stop = up.plan.add(new Action.StopContainer(s.name(), c.name(), c.id(),
                            stopTimeout, s.preStop()), restartCause,
                            up.createdSteps.get(dependency));
                    starts.add(new PendingStart(spec, c.name(), c.id(), restartCause,
                            List.of(stop), false));
                }
            }
        }
        if (!up.options.noStart()) {
            List<Integer> serviceHooks = List.of();
            if (!everStarted && !starts.isEmpty()) {
                // once for the service, before any of its containers first starts
                serviceHooks = PreStartHooks.forService(up.plan, up.project, s,
                        starts.get(0).name(), concat(startAfter.get(), created));
            }
            for (PendingStart p : starts) {
                List<Integer> after = concat(startAfter.get(), p.after());
                after.addAll(serviceHooks);
                if (p.fresh()) {
                    after.addAll(PreStartHooks.forReplica(up.plan, up.project, s, p.name(),
                            concat(startAfter.get(), p.after())));
                }
                started.add(start(p.spec(), new Action.StartContainer(s.name(), p.name(),
                        p.id(), s.postStart()), p.cause(), after));
            }
        }
        for (ContainerSummary c : surplus) {
            int stop = up.plan.add(new Action.StopContainer(s.name(), c.name(), c.id(), stopTimeout,
                    s.preStop()),
                    "scaled down to " + replicas, List.of());
            up.plan.add(new Action.RemoveContainer(s.name(), c.name(), c.id(), false),
                    "scaled down to " + replicas, List.of(stop));
        }
        up.createdSteps.put(s.name(), created);
        up.startedSteps.put(s.name(), started);
        up.containerNames.put(s.name(), names);
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
        int create = up.plan.add(new Action.CreateContainer(s.name(), n, spec, temporary), cause,
                createAfter);
        String because = "replaced by " + temporary;
        List<Integer> removeAfter = List.of(create);
        if (c.isRunning() || "paused".equals(c.state())) {
            removeAfter = List.of(up.plan.add(new Action.StopContainer(s.name(), c.name(), c.id(),
                    stopTimeout, s.preStop()), because, List.of(create)));
        }
        int remove = up.plan.add(new Action.RemoveContainer(s.name(), c.name(), c.id(), false),
                because, removeAfter);
        return up.plan.add(new Action.RenameContainer(s.name(), temporary, spec.name(), c.id()),
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

    private static boolean linksTo(Service s, String ref) {
        for (String link : s.links()) {
            if (link.equals(ref) || link.startsWith(ref + ":")) {
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
                after.addAll(up.startedSteps.getOrDefault(ref, List.of()));
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
            return up.plan.add(action, cause, after);
        }
        List<Integer> deps = lastRangeStart == null ? after : concat(after, lastRangeStart);
        lastRangeStart = up.plan.add(action, cause, deps);
        return lastRangeStart;
    }

    /** A dependency of {@code s} with restart: true that this up.plan recreates, or null. */
    private String recreatedRestartDependency(Service s) {
        for (Map.Entry<String, DependsOn> dep : s.dependsOn().entrySet()) {
            if (dep.getValue().restartsWithDependency() && recreated.contains(dep.getKey())) {
                return dep.getKey();
            }
        }
        return null;
    }

    /**
     * The id of {@code service}'s first container by name, as compose v2 resolves a reference to
     * it; null when this plan creates or recreates its containers (the id is not known yet).
     */
    private String unchangedContainerId(String service) {
        if (!up.createdSteps.getOrDefault(service, List.of()).isEmpty()) {
            return null;
        }
        return up.observed.containersOf(service).stream()
                .filter(c -> !up.replaced.contains(c.id()))
                .min(Comparator.comparing(ContainerSummary::name))
                .map(ContainerSummary::id).orElse(null);
    }

    private String recreateCause(ContainerSummary c, String hash, Service s) {
        if (up.options.noRecreate()) {
            return null;
        }
        boolean named = up.options.services().isEmpty() || up.options.services().contains(s.name());
        if (named && up.options.forceRecreate()) {
            return "--force-recreate";
        }
        if (!named && up.options.alwaysRecreateDeps()) {
            return "--always-recreate-deps";
        }
        if (ConfigHash.isPending(hash)) {
            return "a service it shares a namespace or volumes with gets a new container";
        }
        if (!hash.equals(c.label(Labels.CONFIG_HASH))) {
            return "config hash changed";
        }
        String volume = volumeChange(c, s);
        if (volume != null) {
            return volume;
        }
        String imageId = up.observed.imageId(s.imageName(up.project.name())).orElse(null);
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
        for (ContainerSpec.Mount m : ContainerSpecs.forService(up.project, s, 1, "").mounts()) {
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
        if (!up.project.services().containsKey(service)) {
            return null;
        }
        String key = service + "|" + condition + "|" + required;
        Integer existing = awaitSteps.get(key);
        if (existing != null) {
            return existing;
        }
        List<String> names = up.containerNames.getOrDefault(service, List.of());
        if (names.isEmpty() && up.observed.containersOf(service).isEmpty()
                && !up.startedSteps.containsKey(service)) {
            // the dependency is not part of this run (--no-deps) and has no containers
            return null;
        }
        List<String> waitFor = names.isEmpty()
                ? up.observed.containersOf(service).stream().map(ContainerSummary::name).toList()
                : names;
        int id = up.plan.add(new Action.AwaitService(service, condition, waitFor, required),
                "a dependency",
                up.startedSteps.getOrDefault(service, List.of()));
        awaitSteps.put(key, id);
        return id;
    }
}
