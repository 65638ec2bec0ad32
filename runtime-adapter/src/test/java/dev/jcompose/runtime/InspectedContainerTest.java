package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.ContainerSummary.PublishedPort;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An inspected container read from the engine's JSON: a real answer of Docker 20.10 for a
 * running container with a healthcheck, published ports (one on both address families), a
 * named volume and a bind mount.
 */
class InspectedContainerTest {

    private static JsonNode sample() throws IOException {
        try (InputStream in = InspectedContainerTest.class
                .getResourceAsStream("/inspect-running.json")) {
            return JsonTrees.read(in.readAllBytes());
        }
    }

    @Test
    void runningContainer() throws IOException {
        ContainerSummary c = EngineAnswers.inspected(sample());
        assertEquals("jc-inspect-sample", c.name());
        assertEquals(64, c.id().length());
        assertEquals("jcompose/base:latest", c.image());
        assertEquals("sha256:", c.imageId().substring(0, 7));
        assertEquals("running", c.state());
        assertEquals("healthy", c.health());
        assertNull(c.exitCode(), "no exit code while it runs");
        assertEquals("x", c.labels().get("com.example"));
        assertEquals(List.of(new PublishedPort("127.0.0.1", 18080, 80, "tcp"),
                new PublishedPort("0.0.0.0", 18081, 81, "udp"),
                new PublishedPort("::", 18081, 81, "udp")), c.ports());
        assertEquals(Map.of("/data", "jc-inspect-vol"), c.volumes());
    }

    @Test
    void exitedContainerWithoutHealthcheckOrPorts() throws IOException {
        ObjectNode r = (ObjectNode) sample();
        ObjectNode state = (ObjectNode) r.get("State");
        state.put("Status", "exited").put("Running", false).put("ExitCode", 137);
        state.remove("Health");
        ((ObjectNode) r.get("NetworkSettings")).putObject("Ports").putNull("80/tcp");
        ContainerSummary c = EngineAnswers.inspected(r);
        assertEquals("exited", c.state());
        assertEquals(137, c.exitCode());
        assertNull(c.health());
        assertEquals(List.of(), c.ports(), "an exposed port without a binding is not published");
    }
}
