package dev.jcompose.api.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.ComposeService;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.EventSubscription;
import dev.jcompose.api.RemoveImages;
import dev.jcompose.api.ScaleOptions;
import dev.jcompose.api.WatchEvent;
import dev.jcompose.api.WatchOptions;
import dev.jcompose.model.Project;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.LoadOptions;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.ExecSpec;
import dev.jcompose.planner.engine.StreamIO;
import dev.jcompose.planner.fake.BaseImage;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.runtime.DockerEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** watch on the real engine: every action, initial sync, and containers that start later. */
class WatchIT {

    private static final Duration IN_TIME = Duration.ofSeconds(15);

    private static DockerEngine engine;
    private static LocalTarget target;
    private static ComposeService compose;

    @TempDir
    Path dir;

    private final List<WatchEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void connect() {
        BaseImage.ensure();
        engine = DockerEngine.fromEnvironment();
        target = LocalTarget.fromEnvironment(System.getenv());
        compose = target.service(ProgressListener.NONE);
    }

    @AfterAll
    static void disconnect() {
        target.close();
        engine.close();
    }

    @Test
    void syncCopiesNewChangedAndNestedFilesAndDeletesDeletedOnesButNotIgnoredOnes()
            throws Exception {
        Project p = project("""
                services:
                  app:
                    image: jcompose/base:latest
                    command: sleep 300
                    stop_signal: SIGKILL
                    develop:
                      watch:
                        - path: ./src
                          action: sync
                          target: /app/src
                          ignore: ["*.tmp"]
                """);
        Files.createDirectories(dir.resolve("src"));
        try (EventSubscription w = compose.watch(p, WatchOptions.defaults(), events::add)) {
            write("src/a.txt", "one");
            awaitFile(p, "/app/src/a.txt", "one");
            write("src/a.txt", "two");
            write("src/skip.tmp", "ignored");
            write("src/deep/er/b.txt", "nested");
            awaitFile(p, "/app/src/a.txt", "two");
            awaitFile(p, "/app/src/deep/er/b.txt", "nested");
            assertEquals("", cat(p, "/app/src/skip.tmp"), "ignored files are not synced");
            Files.delete(dir.resolve("src/a.txt"));
            awaitFile(p, "/app/src/a.txt", "");
            assertTrue(events.stream().anyMatch(e -> e.kind() == WatchEvent.Kind.DELETED
                    && e.paths().contains("/app/src/a.txt")), events.toString());
        } finally {
            down(p);
        }
    }

    @Test
    void initialSyncCopiesWhatIsThereAndLateContainersGetTheCurrentFiles() throws Exception {
        write("src/early.txt", "before watch");
        Project p = project("""
                services:
                  app:
                    image: jcompose/base:latest
                    command: sleep 300
                    stop_signal: SIGKILL
                    develop:
                      watch:
                        - path: ./src
                          action: sync
                          target: /app
                          initial_sync: true
                """);
        try (EventSubscription w = compose.watch(p, WatchOptions.defaults(), events::add)) {
            awaitFile(p, "/app/early.txt", "before watch");
            write("src/later.txt", "while watching");
            awaitFile(p, "/app/later.txt", "while watching");
            Files.delete(dir.resolve("src/early.txt"));
            awaitFile(p, "/app/early.txt", "");
            // a replica started by scale has the image's files: watch gives it the current ones
            compose.scale(p, ScaleOptions.of(Map.of("app", 2)));
            await(() -> containers(p).size() == 2 ? "2" : "", "2", "two replicas");
            for (ContainerSummary c : containers(p)) {
                awaitFile(c, "/app/later.txt", "while watching");
                awaitFile(c, "/app/early.txt", "");
            }
            // a change made while a container is stopped reaches it when it starts again
            ContainerSummary first = containers(p).get(0);
            engine.stopContainer(first.id(), Duration.ZERO);
            write("src/during-stop.txt", "not lost");
            Thread.sleep(300);
            engine.startContainer(first.id());
            awaitFile(first, "/app/during-stop.txt", "not lost");
        } finally {
            down(p);
        }
    }

    @Test
    void syncRestartRestartsAfterCopyingAndSyncExecRunsTheCommand() throws Exception {
        Project p = project("""
                services:
                  app:
                    image: jcompose/base:latest
                    command: ["sh", "-c", "echo started >> /starts; exec sleep 300"]
                    stop_signal: SIGKILL
                    develop:
                      watch:
                        - path: ./conf
                          action: sync+restart
                          target: /conf
                        - path: ./hooks
                          action: sync+exec
                          target: /hooks
                          exec:
                            command: sh -c 'cat /hooks/h.txt > /tmp/ran-$$MARK'
                            environment:
                              MARK: yes
                """);
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("hooks"));
        try (EventSubscription w = compose.watch(p, WatchOptions.defaults(), events::add)) {
            write("conf/app.conf", "v2");
            awaitFile(p, "/starts", "started\nstarted");
            assertEquals("v2", cat(p, "/conf/app.conf"));
            write("hooks/h.txt", "hooked");
            awaitFile(p, "/tmp/ran-yes", "hooked");
            assertEquals("started\nstarted", cat(p, "/starts"), "sync+exec does not restart");
        } finally {
            down(p);
        }
    }

    @Test
    void rebuildBuildsOnlyTheWatchedServiceAndRecreatesIt() throws Exception {
        write("ctx/version", "1");
        Project p = project("""
                services:
                  app:
                    build:
                      context: ./ctx
                      dockerfile_inline: |
                        FROM jcompose/base:latest
                        COPY version /version
                    command: sleep 300
                    stop_signal: SIGKILL
                    develop:
                      watch:
                        - path: ./ctx
                          action: rebuild
                  other:
                    image: jcompose/base:latest
                    command: sleep 300
                    stop_signal: SIGKILL
                """);
        try (EventSubscription w = compose.watch(p, WatchOptions.defaults().withPrune(true),
                events::add)) {
            awaitFile(p, "/version", "1");
            String before = containers(p).get(0).id();
            String otherBefore = containers(p, "other").get(0).id();
            write("ctx/version", "2");
            awaitFile(p, "/version", "2");
            assertTrue(!containers(p).get(0).id().equals(before), "recreated");
            assertEquals(otherBefore, containers(p, "other").get(0).id(), "other untouched");
        } finally {
            down(p);
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private Project project(String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return ComposeLoader.load(LoadOptions.builder().workingDir(dir).processEnv(Map.of())
                .projectName("watch-" + UUID.randomUUID().toString().substring(0, 8)).build());
    }

    private void write(String rel, String content) throws IOException {
        Path f = dir.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    private static void down(Project p) throws InterruptedException {
        compose.down(p.name(), p, DownOptions.builder().images(RemoveImages.LOCAL).build());
    }

    private static List<ContainerSummary> containers(Project p) {
        return containers(p, "app");
    }

    private static List<ContainerSummary> containers(Project p, String service) {
        return engine.listContainers(Map.of(Labels.PROJECT, p.name(), Labels.SERVICE, service),
                false).stream().filter(ContainerSummary::isRunning).toList();
    }

    private void awaitFile(Project p, String path, String want) throws InterruptedException {
        await(() -> cat(p, path), want, path);
    }

    private void awaitFile(ContainerSummary c, String path, String want)
            throws InterruptedException {
        await(() -> cat(c, path), want, c.name() + ":" + path);
    }

    private void await(Supplier<String> read, String want, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + IN_TIME.toNanos();
        String got = null;
        while (System.nanoTime() - deadline < 0) {
            got = read.get();
            if (want.equals(got)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + ": wanted \"" + want + "\", still \"" + got + "\" after "
                + IN_TIME + "; watch reported " + events);
    }

    private static String cat(Project p, String path) {
        List<ContainerSummary> running = containers(p);
        return running.isEmpty() ? "(no container)" : cat(running.get(0), path);
    }

    private static String cat(ContainerSummary c, String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            engine.exec(new ExecSpec(c.id(), List.of("sh", "-c", "cat " + path + " 2>/dev/null"),
                    List.of(), null, null, false, false, false),
                    new StreamIO(null, out, OutputStream.nullOutputStream()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return "(" + e.getMessage() + ")";
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
