package dev.jcompose.runtime;

import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.LogLine;
import dev.jcompose.planner.engine.Subscription;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A followed log stream on Podman: Podman 4.3 keeps it open after its container stopped, where
 * Docker ends it, so a {@code logs -f} would never end. Once the container is seen stopped and
 * the stream has been quiet for {@link #QUIET_MILLIS} (its last lines delivered), the stream is
 * ended here.
 */
final class PodmanLogs {

    static final long QUIET_MILLIS = 300;

    private final AtomicLong lastLine = new AtomicLong(System.nanoTime());

    /** {@code sink}, noting when each line arrives. */
    Consumer<LogLine> watching(Consumer<LogLine> sink) {
        return line -> {
            lastLine.set(System.nanoTime());
            sink.accept(line);
        };
    }

    /** {@code stream}, ended once its container has stopped and the stream is quiet. */
    Subscription endWhenStopped(Subscription stream, String containerId,
            Supplier<Optional<ContainerSummary>> inspect) {
        Thread watcher = Thread.ofVirtual().name("jcompose-podman-logs").start(() -> {
            try {
                PodmanWait.await(containerId, inspect);
                long quiet = QUIET_MILLIS * 1_000_000L;
                while (System.nanoTime() - lastLine.get() < quiet) {
                    Thread.sleep(QUIET_MILLIS / 3);
                }
                stream.close();
            } catch (InterruptedException e) {
                // the stream was closed by its reader
            } catch (RuntimeException e) {
                // the container is gone: the stream ends with it
                stream.close();
            }
        });
        return Subscription.closing(stream, watcher::interrupt);
    }
}
