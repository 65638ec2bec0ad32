package dev.jcompose.api.local;

import dev.jcompose.api.ComposeException;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.VolumeSpec;
import dev.jcompose.planner.engine.VolumeSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One command at a time changes a project: a lock kept on the engine, so it holds between
 * processes, users, machines and containers that share the engine (CI jobs mounting one
 * socket), where a lock file would not. The engine's only atomic test-and-set that needs no
 * image is a volume's creation: creating a volume that exists returns the existing one with
 * its labels (Podman refuses it with a conflict instead), so the command whose holder label
 * the volume carries holds the lock, and removing the volume releases it. Networks cannot
 * serve (two creations of one name make two networks), nor containers (they need an image).
 *
 * <p>The lock volume, {@code jcompose-lock-PROJECT}, carries no project label: docker compose
 * and {@code down -v} do not see it. A lock whose holder died is taken over: at once when it
 * was a process of this machine that no longer runs, else after {@link #patience}, with an
 * error that names the holder and how to remove the lock.
 */
final class ProjectLock implements AutoCloseable {

    static final String LOCK_LABEL = "dev.jcompose.lock";
    static final String HOLDER_LABEL = "dev.jcompose.lock.holder";
    static final String OWNER_LABEL = "dev.jcompose.lock.owner";
    static final String PID_LABEL = "dev.jcompose.lock.pid";
    static final String HOST_LABEL = "dev.jcompose.lock.host";
    static final String SINCE_LABEL = "dev.jcompose.lock.since";
    /** How long a command waits for another that holds the project's lock. */
    static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Engine engine;
    private final String volume;

    private ProjectLock(Engine engine, String volume) {
        this.engine = engine;
        this.volume = volume;
    }

    /** The lock volume's name for {@code project}. */
    static String volumeName(String project) {
        return "jcompose-lock-" + project;
    }

    /**
     * Takes the lock of {@code project} for {@code command}, waiting up to {@code patience} for
     * another command that holds it; {@code waiting} is told once whom it waits for.
     *
     * @throws ComposeException when the lock is still held after {@code patience}
     */
    static ProjectLock acquire(Engine engine, String project, String command, Duration patience,
            Consumer<String> waiting) throws InterruptedException {
        String volume = volumeName(project);
        String holder = UUID.randomUUID().toString();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LOCK_LABEL, project);
        labels.put(HOLDER_LABEL, holder);
        labels.put(OWNER_LABEL, "jcompose " + command);
        labels.put(PID_LABEL, Long.toString(ProcessHandle.current().pid()));
        labels.put(HOST_LABEL, hostName());
        labels.put(SINCE_LABEL, Instant.now().toString());
        VolumeSpec spec = new VolumeSpec(volume, null, Map.of(), labels);
        long deadline = System.nanoTime() + patience.toNanos();
        boolean told = false;
        while (true) {
            try {
                engine.createVolume(spec);
            } catch (EngineException.Conflict e) {
                // Podman: the volume exists; who holds it is read below
            }
            Optional<VolumeSummary> current = engine.inspectVolume(volume);
            if (current.isPresent()) {
                Map<String, String> held = current.get().labels();
                if (holder.equals(held.get(HOLDER_LABEL))) {
                    return new ProjectLock(engine, volume);
                }
                if (deadOnThisHost(held)) {
                    releaseIfStill(engine, volume, held.get(HOLDER_LABEL));
                    continue;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new ComposeException("project " + project + " is locked by "
                            + describe(held) + " and was not released in "
                            + patience.toSeconds() + "s; if that command no longer runs, "
                            + "remove the lock with: docker volume rm " + volume);
                }
                if (!told) {
                    waiting.accept("waiting for " + describe(held) + " to finish with project "
                            + project);
                    told = true;
                }
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** {@code jcompose up (pid 42 on host h since 2026-...)}. */
    static String describe(Map<String, String> held) {
        return held.getOrDefault(OWNER_LABEL, "another command") + " (pid "
                + held.getOrDefault(PID_LABEL, "?") + " on " + held.getOrDefault(HOST_LABEL, "?")
                + " since " + held.getOrDefault(SINCE_LABEL, "?") + ")";
    }

    /** A holder that was a process of this machine which no longer runs. */
    private static boolean deadOnThisHost(Map<String, String> held) {
        if (!hostName().equals(held.get(HOST_LABEL))) {
            return false;
        }
        try {
            long pid = Long.parseLong(held.getOrDefault(PID_LABEL, ""));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The kernel's host name (no name service lookup, which can take seconds). */
    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }

    /** Removes a dead holder's lock, unless another command took it over meanwhile. */
    private static void releaseIfStill(Engine engine, String volume, String holder) {
        Optional<VolumeSummary> now = engine.inspectVolume(volume);
        if (now.isPresent() && holder != null
                && holder.equals(now.get().labels().get(HOLDER_LABEL))) {
            release(engine, volume);
        }
    }

    private static void release(Engine engine, String volume) {
        try {
            engine.removeVolume(volume);
        } catch (EngineException.NotFound e) {
            // taken over and released by another command
        }
    }

    @Override
    public void close() {
        release(engine, volume);
    }
}
