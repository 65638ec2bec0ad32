package dev.jcompose.cli;

import dev.jcompose.runtime.context.DockerClientOptions;
import dev.jcompose.runtime.context.EndpointResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * A machine-wide lock for a test class whose resources have fixed names on the engine (the
 * upstream scenarios name their projects and images): two checkouts testing on the same engine
 * at once take turns instead of removing each other's containers and images. One lock file per
 * engine and class, in the temporary directory; the lock goes with the JVM. The engine is the
 * endpoint the tests reach, resolved as jcompose resolves it (context, {@code DOCKER_HOST}, the
 * local socket): runs on different engines (the host's, Docker 26, Podman) never wait for each
 * other, and {@code DOCKER_HOST} unset or naming the local socket is the same engine.
 */
final class EngineLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private EngineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static EngineLock acquire(String name) {
        String engine = EndpointResolver.resolve(DockerClientOptions.NONE, System.getenv())
                .host();
        String key = HexFormat.of().toHexDigits(engine.hashCode());
        Path file = Path.of(System.getProperty("java.io.tmpdir"),
                "jcompose-it-" + name + "-" + key + ".lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                System.err.println("waiting for another run of " + name + " on " + engine
                        + " (" + file + ")");
                lock = channel.lock();
            }
            channel.truncate(0).write(java.nio.ByteBuffer.wrap(
                    (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return new EngineLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
