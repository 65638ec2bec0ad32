package dev.jcompose.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link ComposeProject#up(Up)} starts a project: an immutable value, changed with
 * {@code withX} copies. {@link #options()} is {@code docker compose up -d}: every service, images
 * built or pulled only when missing, changed containers recreated, no waiting.
 *
 * <pre>{@code
 * project.up(Up.options()
 *         .withServices("web")                    // web and what it depends on
 *         .withBuild()                            // like --build
 *         .withWait(Duration.ofMinutes(2)));      // like --wait --wait-timeout 120
 * }</pre>
 */
public final class Up {

    private static final Up DEFAULTS = new Up(List.of(), false, false, "missing", false, false,
            Map.of(), null, null, ComposeService.DEFAULT_PARALLELISM);

    private final List<String> services;
    private final boolean noDeps;
    private final boolean build;
    private final String pull;
    private final boolean forceRecreate;
    private final boolean removeOrphans;
    private final Map<String, Integer> scale;
    private final Duration wait;
    private final Duration stopTimeout;
    private final int parallelism;

    private Up(List<String> services, boolean noDeps, boolean build, String pull,
            boolean forceRecreate, boolean removeOrphans, Map<String, Integer> scale,
            Duration wait, Duration stopTimeout, int parallelism) {
        this.services = List.copyOf(services);
        this.noDeps = noDeps;
        this.build = build;
        this.pull = pull;
        this.forceRecreate = forceRecreate;
        this.removeOrphans = removeOrphans;
        this.scale = Map.copyOf(scale);
        this.wait = wait;
        this.stopTimeout = stopTimeout;
        this.parallelism = parallelism;
    }

    /** The defaults: {@code up -d} of every service. */
    public static Up options() {
        return DEFAULTS;
    }

    /** Only these services and, unless {@link #withoutDependencies()}, their dependencies. */
    public Up withServices(String... names) {
        return new Up(Arrays.asList(names), noDeps, build, pull, forceRecreate, removeOrphans,
                scale, wait, stopTimeout, parallelism);
    }

    /** Do not start the named services' dependencies ({@code --no-deps}). */
    public Up withoutDependencies() {
        return new Up(services, true, build, pull, forceRecreate, removeOrphans, scale, wait,
                stopTimeout, parallelism);
    }

    /** Build images before starting, even when they exist ({@code --build}). */
    public Up withBuild() {
        return new Up(services, noDeps, true, pull, forceRecreate, removeOrphans, scale, wait,
                stopTimeout, parallelism);
    }

    /**
     * When to pull images of services without {@code build}: {@code missing} (the default),
     * {@code always} or {@code never} ({@code --pull}).
     */
    public Up withPull(String policy) {
        if (!List.of("missing", "always", "never").contains(policy)) {
            throw new IllegalArgumentException("pull policy must be missing, always or never, "
                    + "not \"" + policy + "\"");
        }
        return new Up(services, noDeps, build, policy, forceRecreate, removeOrphans, scale, wait,
                stopTimeout, parallelism);
    }

    /** Recreate containers even when their configuration is unchanged ({@code --force-recreate}). */
    public Up withForceRecreate() {
        return new Up(services, noDeps, build, pull, true, removeOrphans, scale, wait,
                stopTimeout, parallelism);
    }

    /** Remove containers of services no longer in the files ({@code --remove-orphans}). */
    public Up withRemoveOrphans() {
        return new Up(services, noDeps, build, pull, forceRecreate, true, scale, wait,
                stopTimeout, parallelism);
    }

    /** Run {@code replicas} containers of {@code service} ({@code --scale service=n}). */
    public Up withScale(String service, int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 0 or more, not " + replicas);
        }
        Map<String, Integer> copy = new LinkedHashMap<>(scale);
        copy.put(service, replicas);
        return new Up(services, noDeps, build, pull, forceRecreate, removeOrphans, copy, wait,
                stopTimeout, parallelism);
    }

    /**
     * Return only when every service is running, or healthy when it has a healthcheck, or has
     * exited 0 when it is a one-shot service others wait for; fail after {@code timeout}
     * ({@code --wait --wait-timeout}). See {@link ComposeProject#waitUntilHealthy(Duration)}.
     */
    public Up withWait(Duration timeout) {
        return new Up(services, noDeps, build, pull, forceRecreate, removeOrphans, scale,
                Objects.requireNonNull(timeout, "timeout"), stopTimeout, parallelism);
    }

    /** Grace period for containers that are replaced ({@code --timeout}). */
    public Up withStopTimeout(Duration timeout) {
        return new Up(services, noDeps, build, pull, forceRecreate, removeOrphans, scale, wait,
                timeout, parallelism);
    }

    /** The most engine operations at once (default 64). */
    public Up withParallelism(int operations) {
        return new Up(services, noDeps, build, pull, forceRecreate, removeOrphans, scale, wait,
                stopTimeout, Math.max(1, operations));
    }

    /** The services asked for (empty: all). */
    public List<String> services() {
        return services;
    }

    /** The wait timeout, or null when {@code up} does not wait. */
    public Duration waitTimeout() {
        return wait;
    }

    /**
     * These options as the service's {@link UpOptions}, with the {@code COMPOSE_*} switches of
     * the project's {@code environment}; the service does not wait (the handle does).
     */
    UpOptions toOptions(Map<String, String> environment) {
        return UpOptions.builder().services(services).noDeps(noDeps)
                .recreate(forceRecreate ? Recreate.FORCE : Recreate.DIVERGED)
                .orphans(ComposeSwitches.orphans(removeOrphans, environment))
                .compatibility(ComposeSwitches.compatibility(false, environment))
                .scale(scale).pull(PullPolicy.of(pull))
                .build(build ? BuildPolicy.ALWAYS : BuildPolicy.MISSING)
                .stopTimeout(stopTimeout).waitTimeout(wait).parallelism(parallelism).build();
    }

    @Override
    public String toString() {
        return "Up[services=" + services + ", noDeps=" + noDeps + ", build=" + build + ", pull="
                + pull + ", forceRecreate=" + forceRecreate + ", removeOrphans=" + removeOrphans
                + ", scale=" + scale + ", wait=" + wait + ", stopTimeout=" + stopTimeout + "]";
    }
}
