package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compose v2, the reference, and jcompose run on the same project: the same arguments in the
 * same directory with the same environment, compose v2 as its standalone binary
 * ({@code docker-compose}, which reads the command line as {@code docker compose} does),
 * jcompose in-process. Compose v2 comes from scripts/compose-v2.sh ({@code COMPOSE_V2}); a test
 * that needs it fails, saying how to install it, when it is missing.
 */
final class ComposeOracle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final CliRunner jcompose;

    ComposeOracle(Path dir) {
        this.dir = dir;
        this.jcompose = new CliRunner(dir);
    }

    /** A variable for both. */
    ComposeOracle env(String key, String value) {
        jcompose.env(key, value);
        return this;
    }

    /** The compose v2 binary, or a failure saying how to get it. */
    static Path composeV2() {
        String given = System.getenv("COMPOSE_V2");
        Path p = given != null && !given.isEmpty() ? Path.of(given)
                : Path.of(System.getProperty("user.home"), ".cache/jcompose-tools/trixie/"
                        + "docker-compose/usr/libexec/docker/cli-plugins/docker-compose");
        if (!Files.isExecutable(p)) {
            fail("compose v2 (the reference these tests compare jcompose with) is not at " + p
                    + ": run scripts/compose-v2.sh (it unpacks Debian trixie's docker-compose "
                    + "beside the system) and set COMPOSE_V2 to the path it prints; "
                    + "scripts/test.sh does both");
        }
        return p;
    }

    /** Compose v2's answer to {@code args}. */
    CliRunner.Result v2(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(composeV2().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(jcompose.environment());
        Path out = Files.createTempFile("compose-v2", ".out");
        Path err = Files.createTempFile("compose-v2", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "compose v2 " + cmd + " did not end");
            return new CliRunner.Result(p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** jcompose's answer to {@code args}. */
    CliRunner.Result jcompose(String... args) {
        return jcompose.run(args);
    }

    /** Both answers, compose v2's first. */
    List<CliRunner.Result> both(String... args) throws IOException, InterruptedException {
        return List.of(v2(args), jcompose(args));
    }

    /** The JSON values printed: an array's items, or one value a line (JSON Lines). */
    static List<JsonNode> jsonValues(String out) throws IOException {
        String text = out.strip();
        List<JsonNode> values = new ArrayList<>();
        if (text.startsWith("[")) {
            JSON.readTree(text).forEach(values::add);
            return values;
        }
        if (text.startsWith("{") && text.contains("\n") && !text.lines().allMatch(
                l -> l.startsWith("{") && l.endsWith("}"))) {
            values.add(JSON.readTree(text)); // one pretty-printed object
            return values;
        }
        for (String line : text.lines().toList()) {
            if (!line.isBlank()) {
                values.add(JSON.readTree(line));
            }
        }
        return values;
    }
}
