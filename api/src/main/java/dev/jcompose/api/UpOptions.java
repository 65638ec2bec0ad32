package dev.jcompose.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@code up}; made with {@link #builder()}. The defaults are {@code up -d}: every
 * service and its dependencies, changed containers recreated, images pulled or built when
 * missing, orphans warned about, no waiting.
 *
 * @param services           the services named (empty: all)
 * @param noDeps             do not include the named services' dependencies
 * @param recreate           when existing containers are replaced
 * @param alwaysRecreateDeps recreate the named services' dependencies too
 * @param renewAnonVolumes   recreated containers get new anonymous volumes instead of their
 *                           predecessors' (whose data is otherwise kept)
 * @param orphans            what to do with orphan containers
 * @param scale              replicas per service, overriding the files
 * @param noStart            create the containers but do not start them
 * @param pull               when to pull images
 * @param build              when to build images
 * @param stopTimeout        grace period for replaced containers (null: each service's)
 * @param allResources       also create the declared networks and volumes no service uses
 * @param recreateVolumes    a volume whose labels or driver no longer match the files is
 *                           removed and created again, with its containers (its data lost)
 * @param compatibility      name containers as docker-compose 1.x did ({@code project_svc_1})
 * @param dryRun             plan only: touch nothing
 * @param waitForServices    return only when the services are running, healthy or done
 * @param waitTimeout        the longest to wait, for {@code waitForServices} and for
 *                           dependency conditions (null: no limit)
 * @param parallelism        the most engine operations at once
 */
public record UpOptions(List<String> services, boolean noDeps, Recreate recreate,
        boolean alwaysRecreateDeps, boolean renewAnonVolumes, OrphanPolicy orphans,
        Map<String, Integer> scale, boolean noStart, PullPolicy pull, BuildPolicy build,
        Duration stopTimeout, boolean allResources, boolean recreateVolumes,
        boolean compatibility, boolean dryRun, boolean waitForServices, Duration waitTimeout,
        int parallelism) {

    public UpOptions {
        services = List.copyOf(services);
        scale = Map.copyOf(scale);
        Objects.requireNonNull(recreate, "recreate");
        Objects.requireNonNull(orphans, "orphans");
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(build, "build");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: {@code up -d} of every service. */
    public static UpOptions defaults() {
        return builder().build();
    }

    /** A builder holding these options, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.services = services;
        b.noDeps = noDeps;
        b.recreate = recreate;
        b.alwaysRecreateDeps = alwaysRecreateDeps;
        b.renewAnonVolumes = renewAnonVolumes;
        b.orphans = orphans;
        b.scale = scale;
        b.noStart = noStart;
        b.pull = pull;
        b.build = build;
        b.stopTimeout = stopTimeout;
        b.allResources = allResources;
        b.recreateVolumes = recreateVolumes;
        b.compatibility = compatibility;
        b.dryRun = dryRun;
        b.waitForServices = waitForServices;
        b.waitTimeout = waitTimeout;
        b.parallelism = parallelism;
        return b;
    }

    /** Builds {@link UpOptions}; every setter returns the builder. */
    public static final class Builder {
        private List<String> services = List.of();
        private boolean noDeps;
        private Recreate recreate = Recreate.DIVERGED;
        private boolean alwaysRecreateDeps;
        private boolean renewAnonVolumes;
        private OrphanPolicy orphans = OrphanPolicy.WARN;
        private Map<String, Integer> scale = Map.of();
        private boolean noStart;
        private PullPolicy pull = PullPolicy.SERVICE;
        private BuildPolicy build = BuildPolicy.MISSING;
        private Duration stopTimeout;
        private boolean allResources;
        private boolean recreateVolumes;
        private boolean compatibility;
        private boolean dryRun;
        private boolean waitForServices;
        private Duration waitTimeout;
        private int parallelism = ComposeService.DEFAULT_PARALLELISM;

        private Builder() {
        }

        public Builder services(List<String> names) {
            this.services = names;
            return this;
        }

        public Builder noDeps(boolean on) {
            this.noDeps = on;
            return this;
        }

        public Builder recreate(Recreate when) {
            this.recreate = when;
            return this;
        }

        public Builder alwaysRecreateDeps(boolean on) {
            this.alwaysRecreateDeps = on;
            return this;
        }

        public Builder renewAnonVolumes(boolean on) {
            this.renewAnonVolumes = on;
            return this;
        }

        public Builder orphans(OrphanPolicy policy) {
            this.orphans = policy;
            return this;
        }

        public Builder scale(Map<String, Integer> replicas) {
            this.scale = replicas;
            return this;
        }

        public Builder noStart(boolean on) {
            this.noStart = on;
            return this;
        }

        public Builder pull(PullPolicy policy) {
            this.pull = policy;
            return this;
        }

        public Builder build(BuildPolicy policy) {
            this.build = policy;
            return this;
        }

        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        public Builder allResources(boolean on) {
            this.allResources = on;
            return this;
        }

        public Builder recreateVolumes(boolean on) {
            this.recreateVolumes = on;
            return this;
        }

        public Builder compatibility(boolean on) {
            this.compatibility = on;
            return this;
        }

        public Builder dryRun(boolean on) {
            this.dryRun = on;
            return this;
        }

        public Builder waitForServices(boolean on) {
            this.waitForServices = on;
            return this;
        }

        public Builder waitTimeout(Duration timeout) {
            this.waitTimeout = timeout;
            return this;
        }

        public Builder parallelism(int operations) {
            this.parallelism = operations;
            return this;
        }

        public UpOptions build() {
            return new UpOptions(services, noDeps, recreate, alwaysRecreateDeps,
                    renewAnonVolumes, orphans, scale, noStart, pull, build, stopTimeout,
                    allResources, recreateVolumes, compatibility, dryRun, waitForServices,
                    waitTimeout, parallelism);
        }
    }
}
