package dev.jcompose.planner.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.ContainerSpecBuilder;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineEvent;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ExecSpec;
import dev.jcompose.planner.engine.ImageProgress;
import dev.jcompose.planner.engine.LogLine;
import dev.jcompose.planner.engine.LogOptions;
import dev.jcompose.planner.engine.NetworkSpec;
import dev.jcompose.planner.engine.ProcessList;
import dev.jcompose.planner.engine.StreamIO;
import dev.jcompose.planner.engine.Subscription;
import dev.jcompose.planner.engine.VolumeSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Engine} must do, as compose relies on it. Runs against the in-memory fake
 * (a unit test) and against the real engine (an integration test), so the fake stays honest.
 */
public abstract class EngineContract {

    /** The engine under test. */
    protected abstract Engine engine();

    /** An image present locally that has {@code sh}, {@code echo} and {@code sleep}. */
    protected abstract String image();

    protected String prefix;
    private final List<Runnable> cleanup = new ArrayList<>();

    @BeforeEach
    void unique() {
        prefix = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void clean() {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            try {
                cleanup.get(i).run();
            } catch (RuntimeException e) {
                // best effort: already removed
            }
        }
    }

    private Map<String, String> labels() {
        return Map.of("com.docker.compose.project", prefix);
    }

    private String network() {
        String name = prefix + "_net";
        engine().createNetwork(NetworkSpec.plain(name, labels()));
        cleanup.add(() -> engine().removeNetwork(name));
        return name;
    }

    private String container(String name, String network, List<String> command) {
        return create(spec(name, command).networkMode(network)
                .networks(network == null ? List.of()
                        : List.of(ContainerSpec.NetworkAttachment.of(network, List.of(name))))
                .build());
    }

    private ContainerSpecBuilder spec(String name, List<String> command) {
        return ContainerSpec.builder(prefix + "-" + name, image()).command(command)
                .env(List.of("A=1")).labels(labels());
    }

    private String create(ContainerSpec spec) {
        String id = engine().createContainer(spec);
        cleanup.add(() -> engine().removeContainer(id, true, true));
        return id;
    }

    @Test
    void containersAreCreatedStartedListedAndRemoved() {
        String net = network();
        String id = container("c1", net, List.of("sleep", "300"));
        ContainerSummary created = engine().inspectContainer(id).orElseThrow();
        assertEquals("created", created.state());
        assertEquals(prefix + "-c1", created.name());

        engine().startContainer(id);
        assertEquals("running", engine().inspectContainer(id).orElseThrow().state());
        List<ContainerSummary> listed = engine().listContainers(labels(), false);
        assertEquals(1, listed.size());
        assertEquals(prefix, listed.get(0).label("com.docker.compose.project"));

        engine().stopContainer(id, Duration.ofSeconds(1));
        assertTrue(engine().listContainers(labels(), false).isEmpty());
        assertEquals(1, engine().listContainers(labels(), true).size());
        assertEquals("exited", engine().inspectContainer(id).orElseThrow().state());

        engine().removeContainer(id, false, false);
        assertTrue(engine().inspectContainer(id).isEmpty());
    }

    @Test
    void exitCodesAndLogsAreReported() throws InterruptedException {
        String id = container("c2", null, List.of("sh", "-c", "echo hello contract; exit 3"));
        Subscription events = null;
        List<EngineEvent> seen = new CopyOnWriteArrayList<>();
        try {
            events = engine().events(labels(), seen::add);
            engine().startContainer(id);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline
                    && !"exited".equals(engine().inspectContainer(id).orElseThrow().state())) {
                Thread.sleep(50);
            }
            ContainerSummary c = engine().inspectContainer(id).orElseThrow();
            assertEquals("exited", c.state());
            assertEquals(3, c.exitCode());
            while (System.nanoTime() < deadline
                    && seen.stream().noneMatch(e -> "die".equals(e.action()))) {
                Thread.sleep(20);
            }
            assertTrue(seen.stream().anyMatch(e -> "start".equals(e.action())
                    && e.id().equals(id)), seen.toString());
            assertTrue(seen.stream().anyMatch(e -> "die".equals(e.action())
                    && "3".equals(e.attribute("exitCode"))), seen.toString());
        } finally {
            if (events != null) {
                events.close();
            }
        }
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        Subscription logs = engine().logs(id, LogOptions.ALL, lines::add);
        logs.awaitCompletion();
        assertEquals(List.of("hello contract"), lines.stream().map(LogLine::text).toList());
        assertEquals(LogLine.Stream.STDOUT, lines.get(0).stream());
    }

    @Test
    void containersArePausedUnpausedAndKilled() {
        String id = container("p1", null, List.of("sleep", "300"));
        engine().startContainer(id);
        ProcessList top = engine().top(id);
        assertTrue(top.titles().contains("PID"), top.toString());
        assertTrue(top.processes().stream().anyMatch(p -> String.join(" ", p)
                .contains("sleep 300")), top.toString());
        engine().pauseContainer(id);
        assertEquals("paused", engine().inspectContainer(id).orElseThrow().state());
        engine().unpauseContainer(id);
        assertEquals("running", engine().inspectContainer(id).orElseThrow().state());
        engine().killContainer(id, "SIGKILL");
        ContainerSummary killed = engine().inspectContainer(id).orElseThrow();
        assertEquals("exited", killed.state());
        assertEquals(137, killed.exitCode());
        assertThrows(EngineException.class, () -> engine().pauseContainer(id));
        assertThrows(EngineException.class, () -> engine().top(id));
    }

    @Test
    void containersReportTheirNamedAndAnonymousVolumesByTarget() {
        String vol = prefix + "_named";
        engine().createVolume(new VolumeSpec(vol, null, Map.of(), labels()));
        cleanup.add(() -> engine().removeVolume(vol));
        String id = create(spec("v", List.of("sleep", "300")).mounts(List.of(
                ContainerSpec.Mount.volume(null, "/anon"),
                ContainerSpec.Mount.volume(vol, "/named"))).build());
        ContainerSummary listed = engine().listContainers(labels(), true).get(0);
        assertEquals(vol, listed.volumes().get("/named"));
        assertEquals(Set.of("/anon"), listed.anonymousVolumes().keySet());
        assertEquals(listed.volumes(), engine().inspectContainer(id).orElseThrow().volumes());
    }

    @Test
    void volumesAndNetworksCarryLabels() {
        String vol = prefix + "_data";
        engine().createVolume(new VolumeSpec(vol, null, Map.of(), labels()));
        cleanup.add(() -> engine().removeVolume(vol));
        assertEquals(vol, engine().inspectVolume(vol).orElseThrow().name());
        assertEquals(1, engine().listVolumes(labels()).size());
        String net = network();
        assertEquals(net, engine().inspectNetwork(net).orElseThrow().name());
        assertEquals(1, engine().listNetworks(labels()).size());
        assertThrows(EngineException.Conflict.class,
                () -> engine().createNetwork(NetworkSpec.plain(net, labels())));
    }

    @Test
    void missingThingsAreReportedAsSuch() {
        assertTrue(engine().inspectContainer(prefix + "-nothing").isEmpty());
        assertThrows(EngineException.NotFound.class,
                () -> engine().startContainer(prefix + "-nothing"));
        assertTrue(engine().imageId(prefix + "/no-such-image:1").isEmpty());
        assertTrue(engine().imageId(image()).isPresent());
        EngineException e = assertThrows(EngineException.ImageFailure.class,
                () -> engine().pullImage("127.0.0.1:1/" + prefix + "/absent:1",
                        ImageProgress.NONE));
        assertTrue(e.getMessage().contains(prefix + "/absent:1"), e.getMessage());
        assertFalse(engine().inspectNetwork(prefix + "_none").isPresent());
    }

    @Test
    void waitingForAContainerGivesItsExitCode() throws InterruptedException {
        String id = container("w1", null, List.of("sh", "-c", "exit 3"));
        engine().startContainer(id);
        assertEquals(3, engine().waitContainer(id));
        assertEquals("exited", engine().inspectContainer(id).orElseThrow().state());
    }

    /**
     * A container with a healthcheck is "starting" once started, until its first check (an
     * interval later) passes and makes it healthy; once its check fails (here once is enough)
     * it is unhealthy. Each change is seen through inspect and the {@code health_status}
     * event, which the waits for {@code service_healthy} rely on. (No start period: during one,
     * Podman 4.3 keeps an unhealthy container's inspected health "healthy".)
     */
    @Test
    void aHealthcheckTakesAContainerFromStartingToHealthyToUnhealthy()
            throws InterruptedException {
        String marker = "/tmp/" + prefix + "-healthy";
        ContainerSpec.Health check = new ContainerSpec.Health(List.of("CMD", "cat", marker),
                Duration.ofSeconds(1), Duration.ofSeconds(5), null, null, 1L);
        String id = create(spec("h1", List.of("sleep", "300")).healthcheck(check).build());
        engine().putFiles(id, List.of(new ContainerSpec.File(marker, "ok\n", 0, 0, 0644)));
        List<EngineEvent> seen = new CopyOnWriteArrayList<>();
        try (Subscription events = engine().events(labels(), seen::add)) {
            engine().startContainer(id);
            assertEquals("starting", engine().inspectContainer(id).orElseThrow().health());
            assertEquals(Duration.ofSeconds(1),
                    engine().healthSchedule(id).orElseThrow().interval());
            awaitHealth(id, "healthy", seen);

            int code = engine().exec(exec(id, "rm", marker), new StreamIO(null,
                    new ByteArrayOutputStream(), new ByteArrayOutputStream()));
            assertEquals(0, code);
            awaitHealth(id, "unhealthy", seen);
            assertEquals(List.of("health_status: healthy", "health_status: unhealthy"),
                    seen.stream().map(EngineEvent::action)
                            .filter(a -> a.startsWith("health_status:")).distinct().toList());
        }
    }

    /** Inspects {@code id} until its health is {@code health} and the event for it came. */
    private void awaitHealth(String id, String health, List<EngineEvent> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String now = null;
        while (System.nanoTime() < deadline) {
            now = engine().inspectContainer(id).orElseThrow().health();
            if (health.equals(now) && seen.stream().anyMatch(e -> id.equals(e.id())
                    && ("health_status: " + health).equals(e.action()))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("container " + id + " is " + now + ", not " + health
                + "; events: " + seen);
    }

    @Test
    void execRunsInARunningContainerWithItsOutputAndExitCode() throws InterruptedException {
        String id = container("e1", null, List.of("sleep", "300"));
        engine().startContainer(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = engine().exec(exec(id, "sh", "-c", "echo from exec; exit 4"),
                new StreamIO(null, out, new ByteArrayOutputStream()));
        assertEquals(4, code);
        assertEquals("from exec\n", out.toString(StandardCharsets.UTF_8));
        engine().stopContainer(id, Duration.ofSeconds(1));
        assertThrows(EngineException.class, () -> engine().exec(exec(id, "true"),
                new StreamIO(null, new ByteArrayOutputStream(), new ByteArrayOutputStream())));
    }

    @Test
    void filesPutIntoAContainerAreThereForItsProcesses() throws InterruptedException {
        String id = container("f1", null, List.of("sleep", "300"));
        engine().putFiles(id, List.of(new ContainerSpec.File("/tmp/contract.txt",
                "put by the contract\n", 0, 0, 0644)));
        engine().startContainer(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, engine().exec(exec(id, "cat", "/tmp/contract.txt"),
                new StreamIO(null, out, new ByteArrayOutputStream())));
        assertEquals("put by the contract\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anAttachedStreamReceivesWhatTheContainerWrites() throws InterruptedException {
        String id = container("a1", null, List.of("sh", "-c", "echo attached output; exit 0"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Subscription attached = engine().attach(id,
                new StreamIO(null, out, new ByteArrayOutputStream()))) {
            engine().startContainer(id);
            assertEquals(0, engine().waitContainer(id));
            attached.awaitCompletion();
        }
        assertEquals("attached output\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void containersAreConnectedToAndDisconnectedFromNetworks() {
        String first = network();
        String second = prefix + "_second";
        engine().createNetwork(NetworkSpec.plain(second, labels()));
        cleanup.add(() -> engine().removeNetwork(second));
        String id = container("n1", first, List.of("sleep", "300"));
        engine().startContainer(id);
        engine().connectNetwork(id, ContainerSpec.NetworkAttachment.of(second, List.of("n1")));
        // a network a running container is on cannot be removed; once disconnected, it can
        assertThrows(EngineException.class, () -> engine().removeNetwork(second));
        engine().disconnectNetwork(id, second);
        assertThrows(EngineException.NotFound.class, () -> engine().connectNetwork(id,
                ContainerSpec.NetworkAttachment.of(prefix + "_absent", List.of())));
        engine().removeNetwork(second);
        assertFalse(engine().inspectNetwork(second).isPresent());
    }

    private static ExecSpec exec(String id, String... command) {
        return new ExecSpec(id, List.of(command), List.of(), null, null, false, false, false);
    }

    @Test
    void renamedContainersKeepTheirId() {
        String id = container("c3", null, List.of("sleep", "1"));
        engine().renameContainer(id, prefix + "-renamed");
        ContainerSummary c = engine().inspectContainer(prefix + "-renamed").orElseThrow();
        assertEquals(id, c.id());
        assertNull(c.exitCode());
    }

    // --- images -----------------------------------------------------------------------------

    @Test
    void builtImagesAreInspectedListedTaggedAndRemoved() throws Exception {
        java.nio.file.Path context = java.nio.file.Files.createTempDirectory("contract");
        cleanup.add(() -> context.toFile().delete());
        String tag = prefix + "-img:1";
        String other = prefix + "-other:2";
        cleanup.add(() -> engine().removeImage(other));
        cleanup.add(() -> engine().removeImage(tag));
        List<String> lines = new CopyOnWriteArrayList<>();
        engine().buildImage(new dev.jcompose.planner.engine.BuildSpec(context, null,
                "FROM " + image() + "\nLABEL contract=yes\n", Map.of(), null, List.of(tag),
                labels(), false, false, null, List.of(), null, null, List.of()),
                (id, line, current, total) -> lines.add(line));
        assertFalse(lines.isEmpty(), "a build reports its steps");

        dev.jcompose.planner.engine.ImageSummary img = engine().inspectImage(tag).orElseThrow();
        assertTrue(img.id().startsWith("sha256:"), img.id());
        assertTrue(img.tags().contains(tag), img.tags().toString());
        assertEquals(prefix, img.label("com.docker.compose.project"));
        assertTrue(img.arrived() != null, "the engine says when the image arrived");
        assertEquals(img.id(), engine().imageId(tag).orElseThrow());
        assertEquals(List.of(img.id()), engine().listImages(labels()).stream()
                .map(dev.jcompose.planner.engine.ImageSummary::id).toList());

        engine().tagImage(tag, other);
        assertEquals(img.id(), engine().inspectImage(other).orElseThrow().id());
        assertTrue(engine().inspectImage(tag).orElseThrow().tags().contains(other));
        engine().removeImage(other);
        assertTrue(engine().inspectImage(other).isEmpty());
        assertTrue(engine().inspectImage(tag).isPresent(), "removing one tag keeps the others");
        engine().removeImage(tag);
        assertTrue(engine().inspectImage(tag).isEmpty());
        assertThrows(EngineException.NotFound.class, () -> engine().removeImage(tag));
    }

    @Test
    void pushingAnImageThatIsNotHereFailsAsNotFound() {
        EngineException e = assertThrows(EngineException.NotFound.class,
                () -> engine().pushImage("127.0.0.1:1/" + prefix + "/none:1",
                        ImageProgress.NONE));
        assertTrue(e.getMessage().contains(prefix + "/none:1"), e.getMessage());
        assertThrows(EngineException.NotFound.class,
                () -> engine().tagImage(prefix + "/none:1", prefix + "/other:1"));
    }
}
