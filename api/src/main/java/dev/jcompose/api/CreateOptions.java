package dev.jcompose.api;

import java.util.List;

/**
 * Options of {@code create}: {@code up --no-start}. Changed with {@code withX} copies of
 * {@link #defaults()}.
 *
 * @param services           the services named (empty: all)
 * @param recreate           when existing containers are replaced
 * @param alwaysRecreateDeps recreate the named services' dependencies too
 * @param renewAnonVolumes   recreated containers get new anonymous volumes
 * @param build              when to build images
 * @param pull               when to pull images
 * @param compatibility      name containers as docker-compose 1.x did
 * @param parallelism        the most engine operations at once
 */
public record CreateOptions(List<String> services, Recreate recreate, boolean alwaysRecreateDeps,
        boolean renewAnonVolumes, BuildPolicy build, PullPolicy pull, boolean compatibility,
        int parallelism) {

    public CreateOptions {
        services = List.copyOf(services);
    }

    public static CreateOptions defaults() {
        return new CreateOptions(List.of(), Recreate.DIVERGED, false, false,
                BuildPolicy.MISSING, PullPolicy.SERVICE, false,
                ComposeService.DEFAULT_PARALLELISM);
    }

    public CreateOptions withServices(List<String> names) {
        return new CreateOptions(names, recreate, alwaysRecreateDeps, renewAnonVolumes, build,
                pull, compatibility, parallelism);
    }

    public CreateOptions withRecreate(Recreate when, boolean deps) {
        return new CreateOptions(services, when, deps, renewAnonVolumes, build, pull,
                compatibility, parallelism);
    }

    public CreateOptions withRenewAnonVolumes(boolean on) {
        return new CreateOptions(services, recreate, alwaysRecreateDeps, on, build, pull,
                compatibility, parallelism);
    }

    public CreateOptions withImages(BuildPolicy buildPolicy, PullPolicy pullPolicy) {
        return new CreateOptions(services, recreate, alwaysRecreateDeps, renewAnonVolumes,
                buildPolicy, pullPolicy, compatibility, parallelism);
    }

    public CreateOptions withCompatibility(boolean on) {
        return new CreateOptions(services, recreate, alwaysRecreateDeps, renewAnonVolumes,
                build, pull, on, parallelism);
    }

    public CreateOptions withParallelism(int operations) {
        return new CreateOptions(services, recreate, alwaysRecreateDeps, renewAnonVolumes,
                build, pull, compatibility, operations);
    }

    /** As the options of {@code up --no-start}. */
    public UpOptions toUp() {
        return UpOptions.builder().services(services).recreate(recreate)
                .alwaysRecreateDeps(alwaysRecreateDeps).renewAnonVolumes(renewAnonVolumes)
                .build(build).pull(pull).noStart(true).compatibility(compatibility)
                .parallelism(parallelism).build();
    }
}
