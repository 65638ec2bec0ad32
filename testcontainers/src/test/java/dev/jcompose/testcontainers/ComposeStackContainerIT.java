package dev.jcompose.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.Labels;
import dev.jcompose.planner.fake.BaseImage;
import dev.jcompose.runtime.DockerEngine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The stack as Testcontainers users run it: a {@code @Container} field. */
@Testcontainers
class ComposeStackContainerIT {

    static {
        BaseImage.ensure();
    }

    @Container
    static final ComposeStackContainer STACK =
            ComposeStackContainer.of(Path.of("src/test/resources/web.yaml"))
                    .withEnv("GREETING", "hello from testcontainers");

    private static DockerEngine engine;

    @BeforeAll
    static void engine() {
        engine = DockerEngine.fromEnvironment();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void theStackIsUpAndReachable() throws IOException, InterruptedException {
        URI web = STACK.endpoint("web", 8080).uri("http");
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(web).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("hello from testcontainers\n", r.body());
        assertEquals(STACK.endpoint("web", 8080).port(), STACK.getServicePort("web", 8080));
    }

    @Test
    void everythingCarriesTheTestcontainersSessionLabels() {
        Map<String, String> session = Map.of(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL,
                DockerClientFactory.SESSION_ID);
        assertEquals(2, engine.listContainers(session, true).size());
        assertTrue(engine.listNetworks(session).stream()
                .anyMatch(n -> n.name().equals(STACK.project().name() + "_default")));
        assertEquals(1, engine.listVolumes(session).size());
    }

    @Test
    void stopRemovesWhatStartCreated() {
        ComposeStackContainer own = ComposeStackContainer.of(Path.of("src/test/resources/web.yaml"));
        own.start();
        String name = own.project().name();
        Map<String, String> project = Map.of(Labels.PROJECT, name);
        assertEquals(2, engine.listContainers(project, true).size());
        own.stop();
        assertEquals(0, engine.listContainers(project, true).size());
        assertEquals(0, engine.listNetworks(project).size());
        assertEquals(0, engine.listVolumes(project).size());
        assertThrows(IllegalStateException.class, own::project);
    }
}
