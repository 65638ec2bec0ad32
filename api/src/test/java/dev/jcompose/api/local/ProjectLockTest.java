package dev.jcompose.api.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.ComposeException;
import dev.jcompose.planner.engine.VolumeSpec;
import dev.jcompose.planner.fake.InMemoryEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The project lock on the in-memory engine (same volume semantics as the Docker engine). */
class ProjectLockTest {

    private final InMemoryEngine engine = new InMemoryEngine();
    private final List<String> told = new CopyOnWriteArrayList<>();

    private ProjectLock acquire(Duration patience) throws InterruptedException {
        return ProjectLock.acquire(engine, "demo", "up", patience, told::add);
    }

    @Test
    void aLockIsAVolumeWithoutTheProjectLabelRemovedOnRelease() throws Exception {
        try (ProjectLock lock = acquire(Duration.ofSeconds(1))) {
            var volume = engine.inspectVolume("jcompose-lock-demo").orElseThrow();
            assertEquals("demo", volume.labels().get(ProjectLock.LOCK_LABEL));
            assertFalse(volume.labels().containsKey("com.docker.compose.project"));
            assertEquals("jcompose up", volume.labels().get(ProjectLock.OWNER_LABEL));
        }
        assertTrue(engine.inspectVolume("jcompose-lock-demo").isEmpty());
        assertEquals(List.of(), told);
    }

    @Test
    void aSecondCommandWaitsUntilTheFirstReleases() throws Exception {
        ProjectLock first = acquire(Duration.ofSeconds(1));
        CompletableFuture<ProjectLock> second = CompletableFuture.supplyAsync(() -> {
            try {
                return acquire(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        assertFalse(second.isDone(), "the second took a held lock");
        first.close();
        second.get(10, TimeUnit.SECONDS).close();
        assertEquals(1, told.size(), told.toString());
        assertTrue(told.get(0).startsWith("waiting for jcompose up (pid "
                + ProcessHandle.current().pid() + " on "), told.toString());
    }

    @Test
    void aLockHeldTooLongIsAnErrorThatSaysHowToRemoveIt() throws Exception {
        engine.createVolume(new VolumeSpec("jcompose-lock-demo", null, Map.of(), Map.of(
                ProjectLock.LOCK_LABEL, "demo", ProjectLock.HOLDER_LABEL, "elsewhere",
                ProjectLock.OWNER_LABEL, "jcompose down", ProjectLock.PID_LABEL, "7",
                ProjectLock.HOST_LABEL, "another-machine")));
        ComposeException e = assertThrows(ComposeException.class,
                () -> acquire(Duration.ofMillis(300)));
        assertTrue(e.getMessage().startsWith("project demo is locked by jcompose down (pid 7 on "
                + "another-machine since ?) and was not released in 0s; if that command no "
                + "longer runs, remove the lock with: docker volume rm jcompose-lock-demo"),
                e.getMessage());
    }

    @Test
    void theLockOfADeadProcessOfThisMachineIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        engine.createVolume(new VolumeSpec("jcompose-lock-demo", null, Map.of(), Map.of(
                ProjectLock.LOCK_LABEL, "demo", ProjectLock.HOLDER_LABEL, "dead",
                ProjectLock.PID_LABEL, Long.toString(gone.pid()), ProjectLock.HOST_LABEL, host)));
        try (ProjectLock lock = acquire(Duration.ofMillis(300))) {
            assertEquals("jcompose up", engine.inspectVolume("jcompose-lock-demo").orElseThrow()
                    .labels().get(ProjectLock.OWNER_LABEL));
        }
    }
}
