package dev.jcompose.planner;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How {@code up} (or {@code create}) converges.
 *
 * @param services           services named on the command line (empty: all)
 * @param noDeps             do not include the named services' dependencies
 * @param forceRecreate      recreate containers even when their config is unchanged
 * @param noRecreate         never recreate existing containers
 * @param removeOrphans      remove containers of services no longer in the files
 * @param scale              replicas per service, overriding the files
 * @param noStart            create but do not start
 * @param pull               always, missing or never, overriding every service's pull_policy;
 *                           null to follow each service's pull_policy (default missing)
 * @param build              build images before starting even when present
 * @param noBuild            never build; a missing image of a build service is an error
 * @param stopTimeout        grace period when stopping replaced containers, null for the
 *                           service's stop_grace_period
 * @param alwaysRecreateDeps recreate the dependencies of the named services too (force applies
 *                           only to the named services, as in docker compose)
 * @param renewAnonVolumes   recreated containers get new anonymous volumes instead of their
 *                           predecessors' (whose data is otherwise kept)
 * @param allResources       also create the declared networks and volumes no service uses
 * @param recreateVolumes    a volume whose labels or driver no longer match the files is
 *                           removed and created again, with the containers that use it (its
 *                           data is lost: {@code up -y}); else it is kept, with a warning
 * @param ignoreOrphans      keep orphan containers without a warning
 * @param compatibility      name containers as docker-compose 1.x did ({@code project_svc_1})
 */
public record UpPlanOptions(
        List<String> services,
        boolean noDeps,
        boolean forceRecreate,
        boolean noRecreate,
        boolean removeOrphans,
        Map<String, Integer> scale,
        boolean noStart,
        String pull,
        boolean build,
        boolean noBuild,
        Duration stopTimeout,
        boolean alwaysRecreateDeps,
        boolean renewAnonVolumes,
        boolean allResources,
        boolean recreateVolumes,
        boolean ignoreOrphans,
        boolean compatibility) {

    public UpPlanOptions {
        services = List.copyOf(services);
        scale = Map.copyOf(scale);
    }

    public UpPlanOptions(List<String> services, boolean noDeps, boolean forceRecreate,
            boolean noRecreate, boolean removeOrphans, Map<String, Integer> scale,
            boolean noStart, String pull, boolean build, boolean noBuild, Duration stopTimeout) {
        this(services, noDeps, forceRecreate, noRecreate, removeOrphans, scale, noStart, pull,
                build, noBuild, stopTimeout, false, false, false, false, false, false);
    }

    public UpPlanOptions withAlwaysRecreateDeps(boolean on) {
        return new UpPlanOptions(services, noDeps, forceRecreate, noRecreate, removeOrphans,
                scale, noStart, pull, build, noBuild, stopTimeout, on, renewAnonVolumes,
                allResources, recreateVolumes, ignoreOrphans, compatibility);
    }

    public UpPlanOptions withRenewAnonVolumes(boolean on) {
        return new UpPlanOptions(services, noDeps, forceRecreate, noRecreate, removeOrphans,
                scale, noStart, pull, build, noBuild, stopTimeout, alwaysRecreateDeps, on,
                allResources, recreateVolumes, ignoreOrphans, compatibility);
    }

    public UpPlanOptions withAllResources(boolean on) {
        return new UpPlanOptions(services, noDeps, forceRecreate, noRecreate, removeOrphans,
                scale, noStart, pull, build, noBuild, stopTimeout, alwaysRecreateDeps,
                renewAnonVolumes, on, recreateVolumes, ignoreOrphans, compatibility);
    }

    public UpPlanOptions withRecreateVolumes(boolean on) {
        return new UpPlanOptions(services, noDeps, forceRecreate, noRecreate, removeOrphans,
                scale, noStart, pull, build, noBuild, stopTimeout, alwaysRecreateDeps,
                renewAnonVolumes, allResources, on, ignoreOrphans, compatibility);
    }

    public UpPlanOptions withIgnoreOrphans(boolean on) {
        return new UpPlanOptions(services, noDeps, forceRecreate, noRecreate, removeOrphans,
                scale, noStart, pull, build, noBuild, stopTimeout, alwaysRecreateDeps,
                renewAnonVolumes, allResources, recreateVolumes, on, compatibility);
    }

    public UpPlanOptions withCompatibility(boolean on) {
        return new UpPlanOptions(services, noDeps, forceRecreate, noRecreate, removeOrphans,
                scale, noStart, pull, build, noBuild, stopTimeout, alwaysRecreateDeps,
                renewAnonVolumes, allResources, recreateVolumes, ignoreOrphans, on);
    }

    public static UpPlanOptions defaults() {
        return new UpPlanOptions(List.of(), false, false, false, false, Map.of(), false,
                null, false, false, null);
    }
}
