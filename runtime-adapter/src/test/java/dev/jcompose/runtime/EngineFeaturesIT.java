package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.model.Project;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.LoadOptions;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.EngineEvent;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.NetworkSpec;
import dev.jcompose.planner.engine.Subscription;
import dev.jcompose.planner.fake.BaseImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What differs between the engines users run (Docker 20.10, Docker 26, Podman 4), on the engine
 * at DOCKER_HOST: which engine it is, the features its API version allows, health and ports as
 * Docker reports them, and lists that agree with a stop that returned.
 */
class EngineFeaturesIT {

    private DockerEngine engine;
    private String project;
    private final List<Runnable> cleanup = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        BaseImage.ensure();
        engine = DockerEngine.fromEnvironment();
        project = "features-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stop() {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            try {
                cleanup.get(i).run();
            } catch (RuntimeException e) {
                // removed already
            }
        }
        engine.close();
    }

    /** The containers of service {@code service} in {@code yaml}, as up would create them. */
    private ContainerSpec spec(String yaml, String service) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml.replace("IMAGE", BaseImage.NAME));
        Project p = ComposeLoader.load(LoadOptions.builder().workingDir(dir).projectName(project)
                .processEnv(Map.of()).build());
        for (var n : p.networks().entrySet()) {
            String name = project + "_" + n.getKey();
            engine.createNetwork(NetworkSpec.of(n.getValue(), Map.of(
                    "com.docker.compose.project", project)));
            cleanup.add(() -> engine.removeNetwork(name));
        }
        return ContainerSpecs.forService(p, p.services().get(service), 1, "hash");
    }

    /** Creates the container and connects its further networks, as the executor does. */
    private String create(ContainerSpec spec) {
        String id = engine.createContainer(spec);
        cleanup.add(() -> engine.removeContainer(id, true, true));
        for (int i = 1; i < spec.networks().size(); i++) {
            engine.connectNetwork(id, spec.networks().get(i));
        }
        return id;
    }

    @Test
    void theEngineSaysWhichItIsAsTheDockerCliSeesIt() throws Exception {
        Process docker = new ProcessBuilder("docker", "version", "--format",
                "{{range .Server.Components}}{{.Name}};{{end}}").redirectErrorStream(true).start();
        String components = new String(docker.getInputStream().readAllBytes()).strip();
        assertEquals(0, docker.waitFor(), components);
        String kind = components.contains("Podman Engine") ? "Podman" : "Docker";
        assertEquals(kind, engine.info().kind());
        assertEquals(kind, engine.identity().kind().toString());
    }

    @Test
    void severalNetworksAndTheirEndpointSettingsReachTheContainer() throws Exception {
        ContainerSpec spec = spec("""
                services:
                  web:
                    image: IMAGE
                    command: ["sleep", "60"]
                    mac_address: "02:42:ac:1e:00:0a"
                    networks:
                      front: {priority: 10}
                      back:
                        ipv4_address: 10.213.7.9
                networks:
                  front: {}
                  back:
                    ipam:
                      config:
                        - subnet: 10.213.7.0/24
                          ip_range: 10.213.7.0/25
                          gateway: 10.213.7.254
                          aux_addresses: {router: 10.213.7.253}
                """, "web");
        String id = create(spec);
        engine.startContainer(id);
        JsonNode networks = engine.getJson("/containers/" + id + "/json", "inspecting")
                .path("NetworkSettings").path("Networks");
        assertEquals("02:42:ac:1e:00:0a", networks.path(project + "_front").path("MacAddress")
                .asText(), networks.toString());
        assertEquals("10.213.7.9", networks.path(project + "_back").path("IPAddress").asText(),
                networks.toString());
        JsonNode pool = engine.getJson("/networks/" + project + "_back", "inspecting")
                .path("IPAM").path("Config").path(0);
        assertEquals("10.213.7.254", pool.path("Gateway").asText(), pool.toString());
        // Podman 4.3's Docker API takes ip_range and aux addresses and keeps neither (measured:
        // its inspect shows the subnet and gateway only); Docker keeps what was sent
        boolean podman = engine.identity().kind() == EngineIdentity.Kind.PODMAN;
        assertEquals(podman ? "" : "10.213.7.0/25", pool.path("IPRange").asText(),
                pool.toString());
        assertEquals(podman ? "" : "10.213.7.253", pool.path("AuxiliaryAddresses")
                .path("router").asText(), pool.toString());
    }

    @Test
    void startIntervalIsUsedFromApi144AndRefusedBefore() throws Exception {
        ContainerSpec spec = spec("""
                services:
                  test:
                    image: IMAGE
                    command: ["sleep", "60"]
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 30s
                      start_period: 20s
                      start_interval: 1s
                """, "test");
        if (engine.identity().speaks("1.44")) {
            String id = create(spec);
            engine.startContainer(id);
            // the first probe comes after start_interval, not after the 30 s interval
            awaitHealth(id, "healthy", Duration.ofSeconds(15));
        } else {
            EngineException e = assertThrows(EngineException.class, () -> create(spec));
            assertTrue(e.getMessage().startsWith("service test: healthcheck.start_interval: needs "
                    + "Docker Engine 25 or later (Engine API 1.44); this engine is "),
                    e.getMessage());
            assertTrue(engine.listContainers(Map.of("com.docker.compose.project", project), true)
                    .isEmpty(), "nothing is created");
        }
    }

    @Test
    void healthIsReportedByInspectListAndEvents() throws Exception {
        ContainerSpec spec = spec("""
                services:
                  db:
                    image: IMAGE
                    command: ["sleep", "60"]
                    healthcheck:
                      test: ["CMD-SHELL", "test -e /tmp/ready"]
                      interval: 1s
                      retries: 30
                """, "db");
        String id = create(spec);
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (Subscription ignored = engine.events(Map.of("com.docker.compose.project", project),
                events::add)) {
            engine.startContainer(id);
            assertEquals("starting", engine.inspectContainer(id).orElseThrow().health());
            engine.exec(new dev.jcompose.planner.engine.ExecSpec(id,
                    List.of("touch", "/tmp/ready"), List.of(), null, null, false, false, false),
                    new dev.jcompose.planner.engine.StreamIO(null, OutputStream.nullOutputStream(),
                            OutputStream.nullOutputStream()));
            awaitHealth(id, "healthy", Duration.ofSeconds(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline && events.stream()
                    .noneMatch(e -> "health_status: healthy".equals(e.action()))) {
                Thread.sleep(50);
            }
            assertTrue(events.stream().anyMatch(e -> "health_status: healthy".equals(e.action())
                    && id.equals(e.id())), events.toString());
        }
        List<ContainerSummary> listed = engine.listContainers(
                Map.of("com.docker.compose.project", project), false);
        assertEquals("healthy", listed.get(0).health(), listed.toString());
    }

    @Test
    void portsPublishedOnEveryAddressAreOnZeroZeroZeroZero() throws Exception {
        ContainerSpec spec = spec("""
                services:
                  web:
                    image: IMAGE
                    command: ["sleep", "60"]
                    ports: ["80"]
                """, "web");
        String id = create(spec);
        engine.startContainer(id);
        ContainerSummary listed = engine.listContainers(
                Map.of("com.docker.compose.project", project), false).get(0);
        assertFalse(listed.ports().isEmpty(), listed.toString());
        assertTrue(listed.ports().stream().allMatch(p -> p.hostIp() != null), listed.toString());
        assertTrue(listed.ports().stream().anyMatch(p -> p.hostIp().equals("0.0.0.0")),
                listed.toString());
        ContainerSummary inspected = engine.inspectContainer(id).orElseThrow();
        assertTrue(inspected.ports().stream().anyMatch(p -> p.hostIp().equals("0.0.0.0")),
                inspected.toString());
    }

    @Test
    void aStoppedContainerIsListedStoppedOnceTheStopReturned() throws Exception {
        ContainerSpec spec = spec("""
                services:
                  s:
                    image: IMAGE
                    command: ["sleep", "60"]
                """, "s");
        Map<String, String> labels = Map.of("com.docker.compose.project", project);
        for (int i = 0; i < 5; i++) {
            String id = create(spec.toBuilder().name(spec.name() + "-" + i).build());
            engine.startContainer(id);
            engine.stopContainer(id, Duration.ZERO);
            assertTrue(engine.listContainers(labels, false).isEmpty(), "after stop " + i);
            assertEquals("exited", engine.listContainers(labels, true).stream()
                    .filter(c -> c.id().equals(id)).findFirst().orElseThrow().state());
        }
    }

    private void awaitHealth(String id, String health, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            seen = engine.inspectContainer(id).orElseThrow().health();
            if (health.equals(seen)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("container " + id + " is " + seen + ", not " + health
                + " after " + timeout.toSeconds() + " s");
    }
}
