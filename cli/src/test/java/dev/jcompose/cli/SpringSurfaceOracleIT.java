package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calls Spring Boot's docker-compose support makes (its {@code DockerCliCommand}), answered
 * by jcompose as compose v2 answers them on the same project: {@code version --format json},
 * {@code config --format=json}, {@code up --no-color --detach --wait},
 * {@code ps --orphans=false --format=json}, {@code down --timeout N}, with the root options
 * Spring Boot puts first ({@code --file F --ansi never}). Compared: the fields Spring Boot reads.
 */
class SpringSurfaceOracleIT {

    private static final String PROJECT = "jcompose-spring-oracle";

    @TempDir
    Path dir;

    @AfterEach
    void clean() {
        Cleanup.project(PROJECT);
    }

    private ComposeOracle oracle() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: %s
                services:
                  web:
                    image: jcompose/base:latest
                    command: ["httpd", "-f", "-p", "8080"]
                    ports: ["8080"]
                  job:
                    image: jcompose/base:latest
                    command: ["true"]
                """.formatted(PROJECT));
        return new ComposeOracle(dir);
    }

    private static String[] compose(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--file", "compose.yaml", "--ansi",
                "never"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    void versionAndConfigAsSpringBootReadsThem() throws Exception {
        ComposeOracle oracle = oracle();
        List<CliRunner.Result> version = oracle.both("version", "--format", "json");
        for (CliRunner.Result r : version) {
            assertEquals(0, r.exitCode(), r.toString());
            JsonNode v = ComposeOracle.jsonValues(r.out()).get(0);
            assertEquals(List.of("version"), iterable(v.fieldNames()), r.toString());
            assertTrue(v.get("version").asText().matches("v?2\\.\\d+\\.\\d+.*"), r.toString());
        }
        List<CliRunner.Result> config = oracle.both(compose("config", "--format=json"));
        assertEquals(images(config.get(0)), images(config.get(1)));
    }

    @Test
    void psAfterUpGivesTheSameContainersToBoth() throws Exception {
        ComposeOracle oracle = oracle();
        CliRunner.Result up = oracle.jcompose(compose("up", "--no-color", "--detach", "--wait"));
        assertEquals(0, up.exitCode(), up.toString());
        List<CliRunner.Result> ps = oracle.both(compose("ps", "--orphans=false", "--format=json"));
        assertEquals(running(ps.get(0)), running(ps.get(1)));
        assertEquals(1, running(ps.get(1)).size(), ps.get(1).toString());
        CliRunner.Result down = oracle.jcompose(compose("down", "--timeout", "1"));
        assertEquals(0, down.exitCode(), down.toString());
        assertEquals("", oracle.v2(compose("ps", "--format=json")).out().strip());
    }

    /** name, and each service's image, from config's JSON (what Spring Boot binds). */
    private static Map<String, String> images(CliRunner.Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode c = ComposeOracle.jsonValues(r.out()).get(0);
        Map<String, String> m = new TreeMap<>();
        m.put("name", c.path("name").asText());
        c.path("services").fields().forEachRemaining(e -> m.put(e.getKey(),
                e.getValue().path("image").asText()));
        return m;
    }

    /** Each container's name, image, state and the start of its ID (Spring Boot's fields). */
    private static Map<String, String> running(CliRunner.Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, String> m = new TreeMap<>();
        for (JsonNode c : ComposeOracle.jsonValues(r.out())) {
            m.put(c.path("Name").asText(), c.path("Image").asText() + " "
                    + c.path("State").asText() + " " + c.path("ID").asText().substring(0, 12));
        }
        return m;
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
