package dev.jcompose.api;

import dev.jcompose.model.Project;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Compose's operations, one method per command: the only door to them, for the command line,
 * the JUnit and Testcontainers modules and any Java caller. Each takes the project (or, where the
 * files are not needed, just its name) and an options record of this package. Progress goes to
 * the listener the service was made with ({@link ComposeTarget#service}). Failures are thrown as
 * {@link ComposeException} (the engine refused, a plan cannot be made or carried out, with a
 * message for people) or {@link dev.jcompose.model.ComposeFileException} (bad files, with file,
 * line and column).
 */
public interface ComposeService {

    /** The most engine operations a command runs at once unless told otherwise. */
    int DEFAULT_PARALLELISM = 64;

    /**
     * Creates and starts the project's containers, converging what exists.
     *
     * @return the plan that was executed (or, with {@code dryRun}, only planned)
     */
    PlanReport up(Project project, UpOptions options) throws InterruptedException;

    /** Creates the project's containers without starting them ({@code up --no-start}). */
    PlanReport create(Project project, CreateOptions options) throws InterruptedException;

    /** Sets the number of containers of the named services, converging them as {@code up}. */
    PlanReport scale(Project project, ScaleOptions options) throws InterruptedException;

    /**
     * Stops and removes the project's containers and networks (and volumes when asked).
     *
     * @param project the model, or null to act on the labels of {@code projectName} alone
     */
    PlanReport down(String projectName, Project project, DownOptions options)
            throws InterruptedException;

    /** The project's containers, ordered by service and replica number. */
    List<ContainerInfo> ps(String projectName, PsOptions options);

    /**
     * The containers of every compose project on the target, as {@link #ps} lists them (ordered
     * by project, then as ps orders them); {@code options.services()} filters by service name.
     */
    List<ContainerInfo> psAllProjects(PsOptions options);

    /**
     * Runs a one-off container of a service (labelled {@code oneoff=True}; {@code down} removes
     * it), after its dependencies, streaming its output to {@code io}.
     *
     * @return the container's exit code (0 when detached)
     */
    int run(Project project, RunOptions options, ProcessStreams io) throws InterruptedException;

    /**
     * Runs a command in a running container of a service, streaming its output.
     *
     * @return the command's exit code
     */
    int exec(String projectName, ExecOptions options, ProcessStreams io)
            throws InterruptedException;

    /**
     * start, stop, restart, kill, pause, unpause or rm on the project's existing containers.
     *
     * @param project the model, or null to work from the engine's labels alone
     * @return the plan run (or, with {@code dryRun}, the plan that would run)
     */
    PlanReport lifecycle(String projectName, Project project, LifecycleCommand command)
            throws InterruptedException;

    /** Writes the project's container logs to {@code sink}; returns when done (or interrupted). */
    void logs(String projectName, LogsOptions options, Consumer<LogEntry> sink)
            throws InterruptedException;

    /**
     * Builds the images of the named services (or all) that have a build section, each tagged
     * {@code project-service} or its {@code image:}, and its {@code build.tags}.
     *
     * @return the plan that was executed (or, with {@code dryRun}, only planned)
     */
    PlanReport build(Project project, BuildOptions options) throws InterruptedException;

    /** Pulls the images of the named services (or all), each distinct image once. */
    PlanReport pull(Project project, PullOptions options) throws InterruptedException;

    /** Pushes the images of the named services (or all) that build an image named by image:. */
    PlanReport push(Project project, PushOptions options) throws InterruptedException;

    /** The processes of the project's running containers, container by container. */
    List<ContainerProcesses> top(String projectName, TopOptions options);

    /**
     * Streams the events of the project's containers to {@code sink} from now on, until the
     * returned subscription is closed (or the target's stream ends).
     */
    EventSubscription events(String projectName, EventsOptions options,
            Consumer<ComposeEvent> sink);

    /** The images the project's containers use, one per container. */
    List<ImageInfo> images(String projectName, ImagesOptions options);

    /** The compose projects on the target, by name. */
    List<StackInfo> ls(LsOptions options);

    /**
     * {@code project} with each service's image pinned to its digest in its registry
     * ({@code name:tag@sha256:...}), as {@code config --resolve-image-digests} prints it.
     */
    Project withImageDigests(Project project);

    /**
     * Where a container port of a service is published on the host.
     *
     * @throws ComposeException when the service has no such running container or does not
     *                          publish the port
     */
    ContainerInfo.Port port(String projectName, PortOptions options);

    /**
     * Blocks until the services' containers stop; with {@code downProject}, the first one to stop
     * removes the project ({@code project}, or its labels alone when null).
     *
     * @return the exit code of the first container
     */
    int wait(String projectName, Project project, WaitOptions options)
            throws InterruptedException;

    /**
     * Blocks until every service of the project that has containers is ready: healthy when it
     * has a healthcheck, exited 0 when another service waits for it to complete, running
     * otherwise ({@code up --wait}). Listens to the engine's events rather than polling.
     *
     * @throws ComposeException when a service fails or is not ready in time
     */
    void awaitReady(Project project, ReadyOptions options);

    /**
     * Copies files between a service's containers and the local file system, as
     * {@code docker cp} does: into every container of the service (or the one of
     * {@code options.index()}), out of the first. {@code -} on the local side is a tar stream on
     * {@code io}'s standard input or output.
     */
    void copy(String projectName, CopyOptions options, ProcessStreams io)
            throws InterruptedException;

    /** Writes a service container's file system, as a tar stream, to {@code out}. */
    void export(String projectName, ExportOptions options, OutputStream out);

    /**
     * Makes an image of a service container's changes.
     *
     * @return the new image's id (empty with {@code dryRun})
     */
    String commit(String projectName, CommitOptions options);

    /** The project's volumes (or those the named services' containers mount). */
    List<VolumeInfo> volumes(String projectName, VolumesOptions options);

    /**
     * Streams the resource usage of the project's containers to {@code sink}: one reading per
     * container and second until the subscription is closed, or, without
     * {@code options.stream()}, one per container, after which the subscription completes.
     * Containers that start later are read too.
     */
    EventSubscription stats(String projectName, StatsOptions options,
            Consumer<ContainerStats> sink);

    /**
     * Attaches {@code io} to a service container's main process: its output, and its input
     * unless {@code options.stdin()} is false; the typed detach keys end the session.
     */
    AttachSession attach(String projectName, AttachOptions options, ProcessStreams io);

    /**
     * Publishes the project's compose files (and, with {@code withEnvironment}, its env files)
     * to a registry as an OCI artifact, as compose v2 does; bind mounts, values that look like
     * secrets and env files are published only when {@code confirm} accepts the question put
     * to it (a yes/no question for people).
     *
     * @return the artifact manifest's digest, or null when not confirmed (or a dry run)
     */
    String publish(Project project, PublishOptions options,
            java.util.function.Predicate<String> confirm) throws InterruptedException;

    /**
     * Watches the files named by the services' {@code develop.watch} rules and acts on their
     * changes (sync, rebuild, restart, sync+restart, sync+exec), reporting each action to
     * {@code sink}, until the returned subscription is closed. Unless {@code options.noUp()},
     * the services are built and started first. Changes are batched: a batch is acted on once
     * no change came for {@code options.quietPeriod()}.
     *
     * @throws ComposeException when no selected service has watch rules, or the start fails
     */
    EventSubscription watch(Project project, WatchOptions options, Consumer<WatchEvent> sink)
            throws InterruptedException;

    /**
     * The engine's address and versions.
     *
     * @throws ComposeException when it does not answer
     */
    EngineVersion version();
}
