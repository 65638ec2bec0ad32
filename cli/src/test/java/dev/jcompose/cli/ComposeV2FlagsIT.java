package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compose v2 as the oracle for the flags and streams jcompose took on last: the same
 * {@code run --cap-add --cap-drop --label --use-aliases} make the same container (as the engine
 * inspects it), {@code ls --filter} lists the same, {@code config --variables} finds the same
 * variables, and {@code events --json} prints the same lines for the same action.
 */
class ComposeV2FlagsIT {

    private static final String PROJECT = "jcompose-v2-flags";
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    static Path dir;

    private static ComposeOracle oracle;

    @BeforeAll
    static void stack() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: %s
                services:
                  job:
                    image: ${IMAGE:-jcompose/base:latest}
                    command: ["sleep", "300"]
                    init: true
                    cap_drop: [NET_RAW]
                    labels: {team: "${TEAM-core}"}
                    environment: ["NEED=${NEED:?set NEED}", "ALT=${ALT:+on}", "$$ESCAPED"]
                    networks:
                      back: {aliases: [worker]}
                networks:
                  back:
                """.formatted(PROJECT));
        oracle = new ComposeOracle(dir).env("NEED", "1");
        ok(oracle.jcompose("up", "-d", "--wait"));
    }

    @AfterAll
    static void clean() {
        Cleanup.project(PROJECT);
    }

    @Test
    void runWithCapabilitiesLabelsAndAliasesMakesTheContainerComposeV2Makes() throws Exception {
        Map<String, String> made = new TreeMap<>();
        for (String tool : List.of("v2", "jcompose")) {
            String name = PROJECT + "-run-" + tool;
            String[] args = {"run", "-d", "--name", name, "--cap-add", "SYS_TIME", "--cap-drop",
                "MKNOD", "-l", "team=tools", "--label", "extra=1", "--use-aliases", "--no-deps",
                "job", "sleep", "60"};
            ok(tool.equals("v2") ? oracle.v2(args) : oracle.jcompose(args));
            InspectContainerResponse c = Cleanup.docker().inspectContainerCmd(name).exec();
            var host = c.getHostConfig();
            List<String> aliases = new ArrayList<>(c.getNetworkSettings().getNetworks()
                    .get(PROJECT + "_back").getAliases());
            aliases.remove(c.getId().substring(0, 12));
            aliases.replaceAll(a -> a.replace(name, "NAME"));
            Collections.sort(aliases);
            Map<String, String> labels = c.getConfig().getLabels();
            made.put(tool, "caps +" + sorted(host.getCapAdd()) + " -" + sorted(host.getCapDrop())
                    + " labels team=" + labels.get("team") + " extra=" + labels.get("extra")
                    + " oneoff=" + labels.get("com.docker.compose.oneoff")
                    + " aliases " + aliases);
        }
        assertEquals(made.get("v2"), made.get("jcompose"));
        assertTrue(made.get("v2").contains("SYS_TIME") && made.get("v2").contains("worker"),
                made.toString());
    }

    @Test
    void lsFilterAndConfigVariablesAnswerAsComposeV2() throws Exception {
        for (String filter : List.of("name=" + PROJECT, "name=^jcompose-v2-fl", "name=nomatch")) {
            List<CliRunner.Result> both = oracle.both("ls", "-q", "--filter", filter);
            assertEquals(ok(both.get(0)).out(), ok(both.get(1)).out(), filter);
        }
        List<CliRunner.Result> bad = oracle.both("ls", "--filter", "status=running");
        assertEquals(bad.get(0).exitCode() != 0, bad.get(1).exitCode() != 0, bad.toString());

        // compose v2 prints them in Go's map order: compared as sets of rows
        List<CliRunner.Result> vars = oracle.both("config", "--variables");
        assertEquals(rows(ok(vars.get(0)).out()), rows(ok(vars.get(1)).out()));
        assertTrue(vars.get(1).out().contains("NEED"), vars.toString());
    }

    @Test
    void eventsJsonPrintsTheLinesComposeV2Prints() throws Exception {
        ProcessBuilder v2Events = new ProcessBuilder(ComposeOracle.composeV2().toString(),
                "events", "--json").directory(dir.toFile());
        ProcessBuilder ourEvents = new ProcessBuilder(REPO.resolve("jcompose").toString(),
                "events", "--json").directory(dir.toFile());
        v2Events.environment().put("NEED", "1");
        ourEvents.environment().put("NEED", "1");
        Process v2 = v2Events.start();
        Process ours = ourEvents.start();
        List<String> theirs = Collections.synchronizedList(new ArrayList<>());
        List<String> ourLines = Collections.synchronizedList(new ArrayList<>());
        read(v2, theirs);
        read(ours, ourLines);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String seen = null;
            while (seen == null && System.nanoTime() < deadline) {
                // pause and unpause are quick: repeated until both streams are listening
                ok(oracle.jcompose("--progress", "quiet", "pause", "job"));
                ok(oracle.jcompose("--progress", "quiet", "unpause", "job"));
                Thread.sleep(300);
                seen = bothPrinted("unpause", theirs, ourLines);
            }
            assertTrue(seen != null, "no unpause event in both streams: compose v2 printed "
                    + theirs.size() + " lines, jcompose " + ourLines.size());
            JsonNode line = ComposeOracle.jsonValues(seen).get(0);
            assertEquals("job", line.path("service").asText(), seen);
            assertEquals(List.of("action", "attributes", "id", "service", "time", "type"),
                    fieldNames(line), seen);
        } finally {
            v2.destroy();
            ours.destroy();
            v2.waitFor(10, TimeUnit.SECONDS);
            ours.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** An {@code action} event line both printed, the same text; null if none yet. */
    private static String bothPrinted(String action, List<String> theirs, List<String> ours) {
        synchronized (theirs) {
            for (String line : theirs) {
                if (line.contains("\"action\":\"" + action + "\"") && ours.contains(line)) {
                    return line;
                }
            }
        }
        return null;
    }

    private static void read(Process p, List<String> into) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    into.add(line);
                }
            } catch (IOException e) {
                // the process was stopped
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> rows(String table) {
        return table.lines().map(String::stripTrailing).sorted().toList();
    }

    private static String sorted(Object[] values) {
        List<String> out = new ArrayList<>();
        for (Object v : values == null ? new Object[0] : values) {
            out.add(String.valueOf(v));
        }
        Collections.sort(out);
        return out.toString();
    }

    private static CliRunner.Result ok(CliRunner.Result r) {
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }
}
