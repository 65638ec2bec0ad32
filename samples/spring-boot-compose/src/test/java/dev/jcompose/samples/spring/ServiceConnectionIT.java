package dev.jcompose.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring Boot's docker compose support, unchanged, with {@code docker compose} being jcompose
 * (installed by the build as the docker CLI's plugin, in target/docker-config): starting the
 * application runs {@code docker compose version}, {@code config}, {@code ps},
 * {@code up --no-color --detach --wait}, reads the running service's ports and labels, and
 * gives the application a Zipkin service connection that reaches the service; at the JVM's exit
 * it runs {@code docker compose down}.
 */
class ServiceConnectionIT {

    private static final String PROJECT = "jcompose-spring-sample";

    @Test
    void theApplicationGetsAServiceConnectionToTheComposeService() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
                TracingApplication.class).web(WebApplicationType.NONE).properties(
                        "spring.docker.compose.skip.in-tests=false",
                        "spring.docker.compose.file=compose.yaml",
                        "spring.docker.compose.lifecycle-management=start-and-stop",
                        "spring.docker.compose.stop.command=down",
                        "spring.docker.compose.stop.timeout=5s",
                        "logging.level.org.springframework.boot.docker.compose.core=trace")
                .run()) {
            String endpoint = app.getBean(TracingApplication.SpanSink.class).endpoint();
            assertTrue(endpoint.matches("http://[^:]+:\\d+/api/v2/spans"), endpoint);
            HttpResponse<String> spans = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(endpoint)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, spans.statusCode());
            assertEquals("[]\n", spans.body());
            assertEquals(List.of(PROJECT + "-zipkin-1"), containers());
        }
        // Spring Boot runs `docker compose down` when the JVM exits (a shutdown handler)
    }

    /** The project's containers, as the docker CLI lists them. */
    private static List<String> containers() throws Exception {
        Process p = new ProcessBuilder("docker", "ps", "-a", "--filter",
                "label=com.docker.compose.project=" + PROJECT, "--format", "{{.Names}}")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().toList();
    }
}
