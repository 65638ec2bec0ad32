package dev.jcompose.planner.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What compose needs from a container engine. The runtime adapter implements it on the Docker
 * Engine API; an in-memory fake implements it for planner tests; one contract test suite runs
 * against both. Methods throw {@link EngineException} (or a subclass) when the engine refuses.
 */
public interface Engine extends AutoCloseable {

    /** The engine's address and versions; also checks that it answers. */
    EngineInfo info();

    // --- containers -----------------------------------------------------------------------------

    /**
     * When the container's healthcheck runs, as the engine has it; empty when it has none, or
     * when this engine cannot tell.
     */
    default Optional<HealthSchedule> healthSchedule(String containerIdOrName) {
        return Optional.empty();
    }

    /** Containers carrying all of {@code labels} ({@code key=value}, or {@code key} alone). */
    List<ContainerSummary> listContainers(Map<String, String> labels, boolean includeStopped);

    /** Creates a container attached to its first network; returns its id. */
    String createContainer(ContainerSpec spec);

    /** Connects a created container to a further network. */
    void connectNetwork(String containerId, ContainerSpec.NetworkAttachment attachment);

    /** Disconnects a container from a network. */
    void disconnectNetwork(String containerId, String network);

    /** Writes files into a created container (missing parent folders are created). */
    void putFiles(String containerId, java.util.List<ContainerSpec.File> files);

    /**
     * Copies host files into a container through the engine's archive API, as they are on disk
     * now (content, mode, modification time); missing parent folders are created. Works on
     * stopped containers too.
     */
    void copyToContainer(String containerId, List<CopiedFile> files);

    void startContainer(String containerId);

    /** Stops with the container's stop signal, then kills after {@code timeout}. */
    void stopContainer(String containerId, Duration timeout);

    void killContainer(String containerId, String signal);

    /**
     * Runs a command in a running container, streaming its output to {@code io} (and
     * {@code io.stdin()} to it when the spec attaches stdin) until it ends.
     *
     * @return the command's exit code
     */
    int exec(ExecSpec spec, StreamIO io) throws InterruptedException;

    /**
     * Attaches to a created container's output (and input, when {@code io.stdin()} is set and
     * the container keeps stdin open) before it starts, so nothing it writes is lost. Returns
     * once attached; completes when the container stops.
     */
    Subscription attach(String containerId, StreamIO io);

    /** Blocks until the container has stopped; returns its exit code. */
    int waitContainer(String containerId) throws InterruptedException;

    /** The processes of a running container ({@code top}). */
    ProcessList top(String containerId);

    /** Freezes every process of a running container. */
    void pauseContainer(String containerId);

    /** Resumes a paused container. */
    void unpauseContainer(String containerId);

    void removeContainer(String containerId, boolean force, boolean removeVolumes);

    void renameContainer(String containerId, String newName);

    /** The container's current state, or empty when it no longer exists. */
    Optional<ContainerSummary> inspectContainer(String containerIdOrName);

    // --- networks and volumes ---------------------------------------------------------------------

    List<NetworkSummary> listNetworks(Map<String, String> labels);

    Optional<NetworkSummary> inspectNetwork(String name);

    void createNetwork(NetworkSpec spec);

    void removeNetwork(String name);

    List<VolumeSummary> listVolumes(Map<String, String> labels);

    Optional<VolumeSummary> inspectVolume(String name);

    void createVolume(VolumeSpec spec);

    void removeVolume(String name);

    // --- images ---------------------------------------------------------------------------------

    /** The id of a local image, or empty when it is not present. */
    Optional<String> imageId(String reference);

    /** Pulls {@code reference}; throws {@link EngineException.ImageFailure} with the reason. */
    void pullImage(String reference, ImageProgress progress);

    /**
     * The digest ({@code sha256:...}) of {@code reference}'s manifest in its registry, as the
     * engine reads it there (the registry's, not a local image's); throws
     * {@link EngineException} when the registry does not answer or has no such image.
     */
    default String registryDigest(String reference) {
        throw new EngineException("this engine cannot read image digests from registries");
    }

    /** Builds an image; throws {@link EngineException} with the failing step's output. */
    void buildImage(BuildSpec spec, ImageProgress progress);

    void removeImage(String reference);

    // --- images: inspect, list, tag, push -------------------------------------------------------

    /** A local image by reference or id, or empty when it is not present. */
    Optional<ImageSummary> inspectImage(String reference);

    /** Local images carrying all of {@code labels} ({@code key=value}, or {@code key} alone). */
    List<ImageSummary> listImages(Map<String, String> labels);

    /** Gives the local image {@code source} the further reference {@code target}. */
    void tagImage(String source, String target);

    /**
     * Pushes the local image {@code reference} to its registry; throws
     * {@link EngineException.ImageFailure} with the registry's reason.
     */
    void pushImage(String reference, ImageProgress progress);

    // --- streams --------------------------------------------------------------------------------

    /** Streams a container's log to {@code sink}. */
    Subscription logs(String containerId, LogOptions options, Consumer<LogLine> sink);

    /** Streams engine events for objects carrying {@code labels} to {@code sink}. */
    Subscription events(Map<String, String> labels, Consumer<EngineEvent> sink);

    /**
     * The archive, export, commit and statistics calls of this engine ({@code cp},
     * {@code export}, {@code commit}, {@code stats}).
     *
     * @throws EngineException when this engine has none
     */
    default ContainerTools tools() {
        throw new EngineException("this engine cannot copy files, export, commit or report "
                + "statistics");
    }

    @Override
    void close();
}
