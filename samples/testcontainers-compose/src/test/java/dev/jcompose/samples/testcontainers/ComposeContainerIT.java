package dev.jcompose.samples.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Testcontainers' ComposeContainer as its users write it, in local compose mode: it runs
 * {@code docker compose up -d} and {@code docker compose down}, which the docker CLI hands to
 * jcompose (installed as its compose plugin by the build, in target/docker-config), starts its
 * ambassador on the project's network, waits for the service over HTTP and gives the address.
 */
class ComposeContainerIT {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void dockerComposeIsJcompose() throws Exception {
        Process p = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.startsWith("jcompose version"), out);
    }

    @Test
    @SuppressWarnings("deprecation") // the constructor without an image is local compose mode
    void anExposedServiceIsReachedThroughTheAmbassador() throws Exception {
        String project;
        try (ComposeContainer compose = new ComposeContainer(
                new File("src/test/resources/compose.yaml"))
                .withExposedService("web", 8080, Wait.forHttp("/").forStatusCode(200)
                        .withStartupTimeout(Duration.ofSeconds(60)))) {
            compose.start();
            String host = compose.getServiceHost("web", 8080);
            int port = compose.getServicePort("web", 8080);
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                    URI.create("http://" + host + ":" + port + "/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals("hello from a ComposeContainer\n", page.body());
            project = compose.getContainerByServiceName("worker").orElseThrow()
                    .getContainerInfo().getConfig().getLabels().get("com.docker.compose.project");
            assertTrue(compose.getContainerByServiceName("worker").get().isRunning());
        }
        assertEquals(0, DockerClientFactory.instance().client().listContainersCmd()
                .withShowAll(true).withLabelFilter(java.util.Map.of(
                        "com.docker.compose.project", project)).exec().size(),
                "down left containers of " + project);
    }
}
