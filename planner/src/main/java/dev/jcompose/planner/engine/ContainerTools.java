package dev.jcompose.planner.engine;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@code cp}, {@code export}, {@code commit} and {@code stats} need from an engine, beside
 * the {@link Engine} port: its archive, export, commit and statistics calls. Methods throw
 * {@link EngineException} (or a subclass) when the engine refuses.
 */
public interface ContainerTools {

    /** What {@code path} is in the container, or empty when it does not exist. */
    Optional<PathStat> statPath(String containerId, String path);

    /** A tar stream of {@code path} in the container; the caller closes it. */
    PathArchive readArchive(String containerId, String path);

    /**
     * Extracts the tar stream {@code tar} into the container's directory {@code dir}; with
     * {@code copyUidGid} the entries keep their owners.
     */
    void writeArchive(String containerId, String dir, InputStream tar, boolean copyUidGid);

    /** The container's whole file system as a tar stream; the caller closes it. */
    InputStream export(String containerId);

    /** Makes an image of the container's changes; returns the image's id. */
    String commit(String containerId, CommitSpec spec);

    /**
     * Streams the container's resource usage to {@code sink}, a sample a second, until the
     * subscription is closed; with {@code stream} false, one sample, then the subscription
     * completes.
     */
    Subscription stats(String containerId, boolean stream, Consumer<StatsSample> sink);
}
