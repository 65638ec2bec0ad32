package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ProcessList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Podman 4.3's answers, as it sends them, put in Docker's words. */
class PodmanAnswersTest {

    @Test
    void statesAreDockers() {
        Map<String, String> podmanToDocker = Map.of("stopped", "exited", "configured", "created",
                "initialized", "created", "running", "running", "paused", "paused",
                "exited", "exited");
        podmanToDocker.forEach((podman, docker) -> assertEquals(docker,
                PodmanAnswers.state(podman), podman));
    }

    @Test
    void anInspectedContainersStateIsRewrittenSoItsExitCodeCounts() throws IOException {
        JsonNode inspected = JsonTrees.read("""
                {"Id":"c1","Name":"/p-s-1","State":{"Status":"stopped","Running":false,\
                "ExitCode":3},"Config":{"Labels":{}}}""".getBytes(StandardCharsets.UTF_8));
        PodmanAnswers.dockerState(inspected);
        var c = EngineAnswers.inspected(inspected);
        assertEquals("exited", c.state());
        assertEquals(3, c.exitCode());
        JsonNode noCheck = JsonTrees.read(("{\"Id\":\"c2\",\"State\":{\"Status\":\"running\","
                + "\"Running\":true,\"Health\":{\"Status\":\"\",\"FailingStreak\":0,"
                + "\"Log\":null}},\"Config\":{\"Labels\":{}}}").getBytes(StandardCharsets.UTF_8));
        PodmanAnswers.dockerState(noCheck);
        assertEquals(null, EngineAnswers.inspected(noCheck).health());
    }

    @Test
    void imageNamesLoseTheRegistryPodmanResolvedThemTo() {
        assertEquals("web:1", PodmanAnswers.reference("docker.io/library/web:1"));
        assertEquals("jcompose/base:latest",
                PodmanAnswers.reference("docker.io/jcompose/base:latest"));
        assertEquals("127.0.0.1:5000/x/y:1", PodmanAnswers.reference("127.0.0.1:5000/x/y:1"));
        assertEquals("localhost/app:1", PodmanAnswers.reference("localhost/app:1"));
    }

    @Test
    void topLinesAreSplitIntoTheirColumns() {
        ProcessList podman = new ProcessList(List.of("PID   USER     COMMAND"),
                List.of(List.of("1 root     sleep 300"), List.of("7 root     sh -c echo hi")));
        ProcessList split = PodmanAnswers.top(podman);
        assertEquals(List.of("PID", "USER", "COMMAND"), split.titles());
        assertEquals(List.of(List.of("1", "root", "sleep 300"),
                List.of("7", "root", "sh -c echo hi")), split.processes());
        ProcessList docker = new ProcessList(List.of("UID", "PID", "CMD"),
                List.of(List.of("root", "1", "sleep 300")));
        assertSame(docker, PodmanAnswers.top(docker));
    }

    @Test
    void anExistingNetworkIsAConflict() {
        EngineException e = PodmanAnswers.conflict(new EngineException(
                "network name p_default already used: network already exists"));
        assertInstanceOf(EngineException.Conflict.class, e);
        EngineException other = new EngineException("no space left on device");
        assertSame(other, PodmanAnswers.conflict(other));
    }

    @Test
    void aBareOkIsNoAnswer() {
        assertTrue(PodmanAnswers.plainOk("OK".getBytes(StandardCharsets.UTF_8)));
        assertTrue(PodmanAnswers.plainOk("OK\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(PodmanAnswers.plainOk("{\"Id\":\"OK\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
