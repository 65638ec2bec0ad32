package dev.jcompose.runtime;

import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.EngineException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waiting for a container to stop, on Podman: Podman 4.3 answers its wait requests (Docker's and
 * its own) about 20 s after the container stopped, while its inspect says so at once; so the
 * container is inspected every 100 ms instead, and its exit code read from there.
 */
final class PodmanWait {

    private static final long PAUSE_MILLIS = 100;

    private PodmanWait() {
    }

    /** Blocks until the inspected container is no longer running; returns its exit code. */
    static int await(String containerId, Supplier<Optional<ContainerSummary>> inspect)
            throws InterruptedException {
        while (true) {
            ContainerSummary c = inspect.get().orElseThrow(() -> new EngineException.NotFound(
                    "no such container: " + containerId));
            if (!c.isRunning() && !"paused".equals(c.state()) && !"created".equals(c.state())) {
                return c.exitCode() == null ? -1 : c.exitCode();
            }
            Thread.sleep(PAUSE_MILLIS);
        }
    }
}
