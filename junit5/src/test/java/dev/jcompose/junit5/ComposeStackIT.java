package dev.jcompose.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.ComposeException;
import dev.jcompose.api.ComposeProject;
import dev.jcompose.api.ExecResult;
import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.Endpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The extension used as users use it: a stack of an HTTP service and a one-shot init service
 * around this class, reached through injected endpoints.
 */
@ComposeStack(files = "src/test/resources/stacks/web.yaml",
        env = "GREETING=hello from the extension", stopTimeoutSeconds = 1)
class ComposeStackIT {

    private static String projectName;

    @BeforeAll
    static void stackIsUpBeforeAll(ComposeProject stack) {
        projectName = stack.name();
        assertTrue(stack.ps("web").get(0).isRunning(), stack.ps().toString());
    }

    @Test
    void answersThroughTheInjectedUri(@ServiceEndpoint(service = "web", port = 8080) URI web)
            throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .build().send(HttpRequest.newBuilder(web.resolve("/index.html")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("hello from the extension\n", r.body());
    }

    @Test
    void injectsEveryEndpointForm(ComposeProject stack,
            @ServiceEndpoint(service = "web", port = 8080) Endpoint endpoint,
            @ServiceEndpoint(service = "web", port = 8080) String hostAndPort,
            @ServiceEndpoint(service = "web", port = 8080) int port) {
        assertEquals(stack.endpoint("web", 8080), endpoint);
        assertEquals(endpoint.host() + ":" + endpoint.port(), hostAndPort);
        assertEquals(endpoint.port(), port);
        assertTrue(port > 0);
    }

    @Test
    void isReadyBeforeTheFirstTest(ComposeProject stack) {
        List<ContainerInfo> ps = stack.ps();
        ContainerInfo init = ps.stream().filter(c -> c.service().equals("init")).findFirst()
                .orElseThrow();
        ContainerInfo web = ps.stream().filter(c -> c.service().equals("web")).findFirst()
                .orElseThrow();
        assertEquals("exited (0)", init.status());
        assertEquals("running (healthy)", web.status());
    }

    @Test
    void execRunsACommandInAServiceContainer(ComposeProject stack) {
        ExecResult r = stack.exec("web", "sh", "-c", "cat /www/index.html; echo oops >&2; exit 2");
        assertEquals(2, r.exitCode());
        assertEquals("hello from the extension\n", r.stdout());
        assertEquals("oops\n", r.stderr());
        assertThrows(ComposeException.class, () -> stack.exec("init", "true"));
    }

    @Test
    void runsUnderARandomProjectName(ComposeProject stack) {
        assertTrue(stack.name().matches("composestackit-[0-9a-f]{8}"), stack.name());
        assertEquals(projectName, stack.name());
    }

    @Nested
    class NestedTests {
        @Test
        void shareTheEnclosingClassStack(ComposeProject stack) {
            assertEquals(projectName, stack.name());
        }
    }
}
