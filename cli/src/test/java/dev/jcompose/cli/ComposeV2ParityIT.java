package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real stack, compose v2 2.26.1 and jcompose on it in turn: a stack either created is up to
 * date for the other ({@code up -d} recreates nothing, in both directions), with the same
 * {@code com.docker.compose.*} labels on containers, networks and volumes (the config hash as
 * compose v2 computes it, with the depends_on that links, network_mode and volumes_from imply,
 * which the depends_on label lists too, and the long volume syntax told from the short); and the machine-readable answers ({@code ps --format json} field for
 * field, {@code ls}, {@code images}, {@code port}, {@code top}, {@code version}) the same.
 */
class ComposeV2ParityIT {

    private static final String PROJECT = "jcompose-v2-parity";

    @TempDir
    static Path dir;

    private static ComposeOracle oracle;

    @BeforeAll
    static void stack() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("app.env"), "FROM_FILE=1\n");
        Files.writeString(dir.resolve("compose.yaml"), """
                name: %s
                services:
                  web:
                    image: jcompose/base:latest
                    command: httpd -f -p 8080
                    ports: ["8080", "127.0.0.1::9000/udp"]
                    expose: ["7000"]
                    environment: ["A=1", "B"]
                    labels: {x: "a<b&c"}
                    restart: unless-stopped
                    stop_grace_period: 3s
                    healthcheck:
                      test: ["CMD-SHELL", "true"]
                      interval: 1s
                    deploy:
                      resources:
                        limits: {memory: 64M}
                    volumes:
                      - data:/data:ro
                      - ./src:/src
                      - type: tmpfs
                        target: /scratch
                    networks:
                      back:
                        aliases: [w]
                    depends_on:
                      db: {condition: service_healthy, restart: true}
                    links: ["db:database"]
                    user: "0"
                    working_dir: /w
                    extra_hosts: ["a:1.2.3.4"]
                    ulimits: {nofile: {soft: 100, hard: 200}}
                  db:
                    image: jcompose/base:latest
                    command: ["sleep", "300"]
                    networks: [back]
                    init: true
                    env_file: [app.env]
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 1s
                    deploy:
                      replicas: 1
                  job:
                    image: jcompose/base:latest
                    entrypoint: ["sleep"]
                    command: ["300"]
                    volumes:
                      - type: volume
                        source: data
                        target: /long
                  side:
                    image: jcompose/base:latest
                    command: ["sleep", "300"]
                    network_mode: service:db
                    volumes_from: ["db:ro"]
                networks:
                  back:
                volumes:
                  data:
                """.formatted(PROJECT));
        oracle = new ComposeOracle(dir);
    }

    @AfterAll
    static void clean() {
        Cleanup.project(PROJECT);
    }

    @Test
    void eachToolFindsTheOthersStackUpToDate() throws Exception {
        ok(oracle.v2("up", "-d", "--wait"));
        Map<String, String> ids = ids();
        Map<String, Map<String, String>> labels = composeLabels();
        assertEquals(4, ids.size(), ids.toString());
        CliRunner.Result again = ok(oracle.jcompose("up", "-d", "--wait"));
        assertEquals(ids, ids(), "jcompose recreated compose v2's containers:\n" + again);
        assertEquals(labels, composeLabels());

        ok(oracle.jcompose("down"));
        ok(oracle.jcompose("up", "-d", "--wait"));
        Map<String, String> ours = ids();
        Map<String, Map<String, String>> ourLabels = composeLabels();
        CliRunner.Result theirs = ok(oracle.v2("up", "-d", "--wait"));
        assertEquals(ours, ids(), "compose v2 recreated jcompose's containers:\n" + theirs);
        assertEquals(labels, ourLabels, "the labels jcompose writes (left: compose v2's)");

        machineReadableAnswers();
    }

    /** With the stack running: the same answers, field for field. */
    private void machineReadableAnswers() throws Exception {
        for (List<String> args : List.of(List.of("ps", "--format", "json"),
                List.of("ps", "-a", "--no-trunc", "--format", "json"))) {
            List<CliRunner.Result> both = oracle.both(args.toArray(String[]::new));
            assertEquals(psFields(both.get(0)), psFields(both.get(1)), args.toString());
        }
        List<CliRunner.Result> table = oracle.both("ps", "-a");
        assertEquals(table.get(0).out().lines().findFirst().orElse("").split("\\s+").length,
                table.get(1).out().lines().findFirst().orElse("").split("\\s+").length,
                table.toString());
        for (List<String> args : List.of(List.of("images", "--format", "json"),
                List.of("port", "web", "8080"), List.of("port", "--protocol", "udp", "web",
                        "9000"))) {
            List<CliRunner.Result> both = oracle.both(args.toArray(String[]::new));
            assertEquals(ok(both.get(0)).out().strip(), ok(both.get(1)).out().strip(),
                    args.toString());
        }
        List<CliRunner.Result> ls = oracle.both("ls", "--format", "json");
        assertEquals(stack(ls.get(0)), stack(ls.get(1)));
        List<CliRunner.Result> top = oracle.both("top", "db");
        assertEquals(ok(top.get(0)).out().lines().findFirst(),
                ok(top.get(1)).out().lines().findFirst(), top.toString());
        ComposeOracle toStdout = new ComposeOracle(dir).env("COMPOSE_STATUS_STDOUT", "1")
                .env("COMPOSE_ANSI", "never");
        ok(oracle.jcompose("stop", "job"));
        CliRunner.Result theirs = ok(toStdout.v2("up", "-d"));
        ok(oracle.jcompose("stop", "job"));
        for (CliRunner.Result r : List.of(theirs, ok(toStdout.jcompose("up", "-d")))) {
            assertTrue(r.out().contains("Container " + PROJECT + "-job-1"), r.toString());
            assertEquals("", r.err().strip(), r.toString());
        }
        List<CliRunner.Result> version = oracle.both("version", "--format", "json");
        assertEquals(ComposeOracle.jsonValues(ok(version.get(0)).out()).get(0).size(),
                ComposeOracle.jsonValues(ok(version.get(1)).out()).get(0).size());
    }

    /**
     * Each container's fields, less those that change by the second, and labels and mounts as
     * sets: the engine lists a container's mounts from a Go map, in an order of its own each time.
     */
    private static Map<String, Map<String, String>> psFields(CliRunner.Result r) throws Exception {
        ok(r);
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (JsonNode c : ComposeOracle.jsonValues(r.out())) {
            Map<String, String> fields = new TreeMap<>();
            List<String> names = new ArrayList<>();
            c.fieldNames().forEachRemaining(names::add);
            assertEquals(new ArrayList<>(new TreeSet<>(names)), names, "keys in name order");
            c.fields().forEachRemaining(e -> fields.put(e.getKey(), switch (e.getKey()) {
                case "RunningFor", "Status" -> e.getValue().asText().replaceAll("\\d+|About an?"
                        + "|Less than a", "N").replaceAll("(minute|second|hour)s?", "T");
                // -1: a mount with no name nor source (tmpfs) is an empty entry, also at the end
                case "Labels", "Mounts" -> new TreeSet<>(List.of(e.getValue().asText()
                        .split(",", -1))).toString();
                default -> e.getValue().getNodeType() + " " + e.getValue();
            }));
            out.put(c.path("Name").asText(), fields);
        }
        return out;
    }

    private static String stack(CliRunner.Result r) throws Exception {
        for (JsonNode s : ComposeOracle.jsonValues(ok(r).out())) {
            if (s.path("Name").asText().equals(PROJECT)) {
                return s.toString();
            }
        }
        return "no " + PROJECT + " in " + r.out();
    }

    private static CliRunner.Result ok(CliRunner.Result r) {
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }

    /** Each container's ID, by name. */
    private static Map<String, String> ids() {
        Map<String, String> out = new TreeMap<>();
        Cleanup.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("com.docker.compose.project", PROJECT)).exec()
                .forEach(c -> out.put(c.getNames()[0], c.getId()));
        return out;
    }

    /** The com.docker.compose.* labels of the project's containers, networks and volumes. */
    private static Map<String, Map<String, String>> composeLabels() {
        Map<String, Map<String, String>> out = new TreeMap<>();
        var docker = Cleanup.docker();
        docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("com.docker.compose.project", PROJECT)).exec()
                .forEach(c -> out.put("container " + c.getNames()[0], containerLabels(c)));
        docker.listNetworksCmd().withFilter("label", List.of("com.docker.compose.project="
                + PROJECT)).exec().forEach(n -> out.put("network " + n.getName(),
                        compose(n.getLabels())));
        docker.listVolumesCmd().withFilter("label", List.of("com.docker.compose.project="
                + PROJECT)).exec().getVolumes().forEach(v -> out.put("volume " + v.getName(),
                        compose(v.getLabels())));
        assertTrue(out.size() >= 5, out.toString());
        return out;
    }

    /**
     * A container's compose labels; side's config hash includes the id of db's container (as
     * compose v2 hashes network_mode and volumes_from service references), so it differs from
     * one stack to the next (that each tool computes it as the other is what no recreation in
 * either direction shows).
     */
    private static Map<String, String> containerLabels(
            com.github.dockerjava.api.model.Container c) {
        Map<String, String> out = compose(c.getLabels());
        if ("side".equals(out.get("com.docker.compose.service"))) {
            assertTrue(out.get("com.docker.compose.config-hash").matches("[0-9a-f]{64}"),
                    out.toString());
            out.put("com.docker.compose.config-hash", "(hashed with the id of db's container)");
        }
        return out;
    }

    private static Map<String, String> compose(Map<String, String> labels) {
        Map<String, String> out = new TreeMap<>();
        labels.forEach((k, v) -> {
            if (k.startsWith("com.docker.compose.")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
