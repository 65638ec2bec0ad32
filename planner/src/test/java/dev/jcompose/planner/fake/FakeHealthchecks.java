package dev.jcompose.planner.fake;

import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.HealthSchedule;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The fake engine's health checks, for a check it can interpret: {@code cat PATH} (as
 * {@code CMD} or {@code CMD-SHELL}) passes while a file is at PATH. They run as the engine runs
 * them ({@link HealthSchedule}'s defaults): every {@code interval} while the container runs; a pass makes it healthy;
 * a failure counts unless the container is still starting within {@code start_period}, and
 * {@code retries} failures in a row make it unhealthy. Each change of health is
 * reported, as the engine's {@code health_status} event.
 */
final class FakeHealthchecks implements AutoCloseable {

    private final BiConsumer<InMemoryEngine.Container, String> changed;
    private ScheduledExecutorService timer;

    FakeHealthchecks(BiConsumer<InMemoryEngine.Container, String> changed) {
        this.changed = changed;
    }

    /** Starts running {@code c}'s check, when it has one the fake interprets, from now on. */
    void schedule(InMemoryEngine.Container c) {
        ContainerSpec.Health h = c.spec().healthcheck();
        String path = h == null || h.disabled() ? null : checkedFile(h.test());
        if (path != null) {
            next(c, HealthSchedule.of(h.interval(), h.timeout(), h.startPeriod(),
                    h.retries() == null ? null : h.retries().intValue()), path, c.startedAt);
        }
    }

    /** The file a {@code cat PATH} check reads; null for any other check. */
    static String checkedFile(List<String> test) {
        if (test == null || test.isEmpty()) {
            return null;
        }
        List<String> command = switch (test.get(0)) {
            case "CMD" -> test.subList(1, test.size());
            case "CMD-SHELL" -> test.size() == 2 ? List.of(test.get(1).strip().split("\\s+"))
                    : List.of();
            default -> List.of();
        };
        return command.size() == 2 && command.get(0).equals("cat") ? command.get(1) : null;
    }

    private void next(InMemoryEngine.Container c, HealthSchedule h, String path,
            long startedAt) {
        try {
            timer().schedule(() -> check(c, h, path, startedAt), h.interval().toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the engine is closed: no more checks
        }
    }

    private void check(InMemoryEngine.Container c, HealthSchedule h, String path,
            long startedAt) {
        if (!"running".equals(c.state) || c.startedAt != startedAt) {
            return; // stopped, or started again with its own checks
        }
        if (c.files.containsKey(path)) {
            c.failingStreak = 0;
            if (!"healthy".equals(c.health)) {
                changed.accept(c, "healthy");
            }
        } else if (!("starting".equals(c.health)
                && System.nanoTime() - startedAt < h.startPeriod().toNanos())) {
            c.failingStreak++;
            if (c.failingStreak >= h.retries() && !"unhealthy".equals(c.health)) {
                changed.accept(c, "unhealthy");
            }
        }
        next(c, h, path, startedAt);
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "fake-healthchecks");
                t.setDaemon(true);
                return t;
            });
        }
        return timer;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
