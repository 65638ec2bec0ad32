package dev.jcompose.samples.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.api.ComposeProject;
import dev.jcompose.api.ContainerInfo;
import dev.jcompose.junit5.ComposeStack;
import dev.jcompose.junit5.ServiceEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A complete example: {@code @ComposeStack} starts {@code src/test/resources/compose.yaml} once
 * for this class (no docker compose binary involved), waits until {@code init} has written the
 * page and {@code web} is healthy, injects where {@code web}'s port 8080 is published, and
 * removes everything after the last test, even when a test fails.
 */
@ComposeStack(files = "src/test/resources/compose.yaml", env = "GREETING=hello from the sample")
class GreetingServiceIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void webServesThePageTheInitServiceWrote(
            @ServiceEndpoint(service = "web", port = 8080) URI web)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(web).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertEquals("hello from the sample\n", answer.body());
    }

    @Test
    void theOneShotServiceRanToCompletion(ComposeProject stack) {
        ContainerInfo init = stack.ps("init").get(0);
        assertEquals("exited", init.state());
        assertEquals(Integer.valueOf(0), init.exitCode());
        assertEquals("healthy", stack.ps("web").get(0).health());
    }
}
