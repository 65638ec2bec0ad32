package dev.jcompose.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.local.LocalTarget;
import dev.jcompose.model.ComposeFileException;
import dev.jcompose.planner.fake.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java facade on the in-memory engine: what each method does with a project. */
class ComposeProjectTest {

    @TempDir
    Path dir;

    private final InMemoryEngine engine = new InMemoryEngine().withImage("img");

    private ComposeProject project(String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return Compose.project(Path.of("compose.yaml"))
                .workingDirectory(dir)
                .inheritEnvironment(false)
                .projectName("demo")
                .target(LocalTarget.on(engine))
                .build();
    }

    @Test
    void upStartsServicesAndPsListsThemInOrder() throws IOException {
        try (ComposeProject p = project("""
                services:
                  web: {image: img, command: ["sleep"], depends_on: [db]}
                  db: {image: img, command: ["sleep"]}
                """)) {
            p.up();
            List<ContainerInfo> ps = p.ps();
            assertEquals(List.of("demo-db-1", "demo-web-1"),
                    ps.stream().map(ContainerInfo::name).toList());
            assertTrue(ps.stream().allMatch(ContainerInfo::isRunning));
            assertEquals("demo", p.name());
        }
        assertTrue(engine.containers().isEmpty(), "close runs down");
    }

    @Test
    void endpointFindsThePublishedPort() throws IOException {
        try (ComposeProject p = project("""
                services:
                  web: {image: img, command: ["sleep"], ports: ["8080", "127.0.0.1:9000:9000"]}
                """)) {
            p.up();
            Endpoint random = p.endpoint("web", 8080);
            assertEquals("localhost", random.host());
            assertTrue(random.port() >= 32768, random.toString());
            assertEquals(new Endpoint("127.0.0.1", 9000), p.endpoint("web", 9000));
            assertEquals("http://127.0.0.1:9000", p.endpoint("web", 9000).uri("http").toString());
        }
    }

    @Test
    void endpointOfAnUnpublishedPortSaysHowToPublishIt() throws IOException {
        try (ComposeProject p = project("""
                services:
                  web: {image: img, command: ["sleep"], ports: ["8080"]}
                """)) {
            p.up();
            ComposeException e = assertThrows(ComposeException.class, () -> p.endpoint("web", 80));
            assertTrue(e.getMessage().contains("service web does not publish port 80"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("add \"80\" to the service's ports"),
                    e.getMessage());
        }
    }

    @Test
    void endpointOfAnExitedServiceSaysItIsNotRunning() throws IOException {
        try (ComposeProject p = project("""
                services:
                  job: {image: img, command: ["sh", "-c", "exit 3"], ports: ["80"]}
                """)) {
            p.up();
            ComposeException e = assertThrows(ComposeException.class, () -> p.endpoint("job", 80));
            assertTrue(e.getMessage().contains("service job of project demo has no running "
                    + "container (demo-job-1 is exited (3))"), e.getMessage());
        }
    }

    @Test
    void envAndProfilesReachTheFiles() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web: {image: "${IMAGE}", command: ["sleep"]}
                  debug: {image: img, command: ["sleep"], profiles: [debug]}
                """);
        try (ComposeProject p = Compose.project(dir.resolve("compose.yaml"))
                .inheritEnvironment(false).env("IMAGE", "img").profiles("debug")
                .projectName("demo").target(LocalTarget.on(engine)).build()) {
            assertEquals(List.of("web", "debug"), p.model().serviceNames());
            assertEquals("img", p.model().service("web").image());
        }
    }

    @Test
    void labelsGoOnContainersNetworksAndVolumes() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web: {image: img, command: ["sleep"], volumes: ["data:/data"]}
                volumes:
                  data: {}
                """);
        try (ComposeProject p = Compose.project(dir.resolve("compose.yaml"))
                .inheritEnvironment(false).projectName("demo").target(LocalTarget.on(engine))
                .label("org.example.session", "s1").build()) {
            p.up();
            assertEquals("s1", engine.container("demo-web-1").spec().labels()
                    .get("org.example.session"));
            assertEquals("s1", engine.listNetworks(Map.of("org.example.session", "s1")).get(0)
                    .labels().get("org.example.session"));
            assertEquals(1, engine.listVolumes(Map.of("org.example.session", "s1")).size());
        }
    }

    @Test
    void waitUntilHealthyReturnsWhenTheHealthcheckPasses() throws Exception {
        try (ComposeProject p = project("""
                services:
                  db:
                    image: img
                    command: ["sleep"]
                    healthcheck: {test: ["CMD", "true"], interval: 1s}
                  init: {image: img, command: ["sh", "-c", "echo done; exit 0"]}
                  web:
                    image: img
                    command: ["sleep"]
                    depends_on:
                      init: {condition: service_completed_successfully}
                """)) {
            p.up();
            CompletableFuture<Void> waited = CompletableFuture.runAsync(
                    () -> p.waitUntilHealthy(Duration.ofSeconds(30)));
            assertThrows(java.util.concurrent.TimeoutException.class,
                    () -> waited.get(200, TimeUnit.MILLISECONDS), "db is still starting");
            engine.setHealth("demo-db-1", "healthy");
            waited.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void waitUntilHealthyFailsOnAnUnhealthyServiceWithItsLog() throws Exception {
        try (ComposeProject p = project("""
                services:
                  db:
                    image: img
                    command: ["sh", "-c", "echo cannot open the data directory"]
                    healthcheck: {test: ["CMD", "true"], interval: 1s}
                """)) {
            p.up();
            CompletableFuture<Void> waited = CompletableFuture.runAsync(
                    () -> p.waitUntilHealthy(Duration.ofSeconds(30)));
            engine.setHealth("demo-db-1", "unhealthy");
            Throwable e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> waited.get(10, TimeUnit.SECONDS)).getCause();
            assertTrue(e instanceof ComposeException, e.toString());
            assertTrue(e.getMessage().startsWith("container demo-db-1 is unhealthy (service db)"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("db-1 | cannot open the data directory"),
                    e.getMessage());
        }
    }

    @Test
    void waitUntilHealthyFailsOnAServiceThatExitedNonZero() throws IOException {
        try (ComposeProject p = project("""
                services:
                  job: {image: img, command: ["sh", "-c", "exit 4"]}
                """)) {
            p.up();
            ComposeException e = assertThrows(ComposeException.class,
                    () -> p.waitUntilHealthy(Duration.ofSeconds(5)));
            assertTrue(e.getMessage().startsWith("service job exited with code 4"),
                    e.getMessage());
        }
    }

    @Test
    void waitUntilHealthyTimesOut() throws IOException {
        try (ComposeProject p = project("""
                services:
                  db:
                    image: img
                    command: ["sleep"]
                    healthcheck: {test: ["CMD", "true"], interval: 1s}
                """)) {
            p.up();
            ComposeException e = assertThrows(ComposeException.class,
                    () -> p.waitUntilHealthy(Duration.ofMillis(300)));
            assertTrue(e.getMessage().startsWith("application not healthy after 0.")
                    && e.getMessage().contains("s: timed out waiting for service db to be "
                    + "healthy"),
                    e.getMessage());
        }
    }

    @Test
    void logsGoToTheConsumer() throws IOException {
        try (ComposeProject p = project("""
                services:
                  web: {image: img, command: ["sh", "-c", "echo hello; echo world"]}
                """)) {
            p.up();
            List<String> lines = new ArrayList<>();
            p.logs(e -> lines.add(e.prefix() + " " + e.text()));
            assertEquals(List.of("web-1 hello", "web-1 world"), lines);
            assertEquals("hello\nworld\n", p.logs("web"));
        }
    }

    @Test
    void closeRemovesVolumesWhenAsked() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web: {image: img, command: ["sleep"], volumes: ["data:/data"]}
                volumes:
                  data: {}
                """);
        ComposeProject p = Compose.project(dir.resolve("compose.yaml"))
                .inheritEnvironment(false).projectName("demo").target(LocalTarget.on(engine))
                .downOnClose(Down.options().withVolumes()).build();
        p.up();
        assertEquals(1, engine.listVolumes(Map.of()).size());
        p.close();
        p.close();
        assertTrue(engine.listVolumes(Map.of()).isEmpty());
        assertTrue(engine.containers().isEmpty());
    }

    @Test
    void invalidFilesAreReportedWithTheirPosition() throws IOException {
        try (ComposeProject p = project("""
                services:
                  web: {image: img, ports: 12}
                """)) {
            ComposeFileException e = assertThrows(ComposeFileException.class, p::up);
            assertTrue(e.getMessage().contains("compose.yaml:2:"), e.getMessage());
        }
    }

    @Test
    void invalidProjectNamesAreRefusedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Compose.project().projectName("My App"));
        assertTrue(e.getMessage().contains("project name \"My App\" is not valid"));
    }

    @Test
    void publishedPortsOfARemoteEngineAreReachedOnItsHost() {
        assertEquals("10.0.0.5", Endpoints.hostOf("tcp://10.0.0.5:2375"));
        assertEquals("docker.example", Endpoints.hostOf("tcp://docker.example:2376"));
        assertEquals("localhost", Endpoints.hostOf("unix:///var/run/docker.sock"));
        assertEquals("localhost", Endpoints.hostOf(null));
    }
}
