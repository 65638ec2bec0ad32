package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The COMPOSE_* variables compose v2 2.26.1 reads to find and load a project, set for compose
 * v2 and jcompose alike on the same folder: the same project comes out ({@code config --format
 * json}: its name, services, images and environment). The variables that act at run time
 * (COMPOSE_STATUS_STDOUT, COMPOSE_ANSI) are checked on a real stack by ComposeV2ParityIT.
 */
class ComposeV2EnvironmentTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), """
                services:
                  app:
                    image: base/${TAG:-none}
                    environment:
                      FROM: ${FROM:-unset}
                  debug:
                    image: debugger
                    profiles: [debug]
                """);
        Files.writeString(dir.resolve("override.yaml"), """
                services:
                  app:
                    environment:
                      OVERRIDE: "yes"
                """);
        Files.writeString(dir.resolve("one.env"), "TAG=one\nFROM=one\n");
        Files.writeString(dir.resolve("two.env"), "FROM=two\n");
        Files.writeString(dir.resolve(".env"), "FROM=dotenv\n");
    }

    @Test
    void composeFileWithTheDefaultSeparator() throws Exception {
        same(Map.of("COMPOSE_FILE", "base.yaml:override.yaml"));
    }

    @Test
    void composeFileWithComposePathSeparator() throws Exception {
        same(Map.of("COMPOSE_FILE", "base.yaml;override.yaml", "COMPOSE_PATH_SEPARATOR", ";"));
    }

    @Test
    void projectNameAndProfiles() throws Exception {
        same(Map.of("COMPOSE_FILE", "base.yaml", "COMPOSE_PROJECT_NAME", "fromenv",
                "COMPOSE_PROFILES", "debug"));
    }

    @Test
    void envFilesCommaSeparated() throws Exception {
        same(Map.of("COMPOSE_FILE", "base.yaml", "COMPOSE_ENV_FILES", "one.env,two.env"));
    }

    @Test
    void dotEnvDisabled() throws Exception {
        same(Map.of("COMPOSE_FILE", "base.yaml", "COMPOSE_DISABLE_ENV_FILE", "true"));
    }

    /** Both tools' projects under {@code env}, compared; and the expected one is not empty. */
    private void same(Map<String, String> env) throws Exception {
        ComposeOracle oracle = new ComposeOracle(dir);
        env.forEach(oracle::env);
        List<CliRunner.Result> both = oracle.both("config", "--format", "json");
        assertEquals(0, both.get(0).exitCode(), both.get(0).toString());
        Map<String, String> theirs = summary(both.get(0));
        assertEquals(theirs, summary(both.get(1)), env + "\n" + both.get(1));
        assertEquals(true, theirs.containsKey("app"), theirs.toString());
    }

    /** The project's name and each service's image and environment. */
    private static Map<String, String> summary(CliRunner.Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode c = ComposeOracle.jsonValues(r.out()).get(0);
        Map<String, String> out = new TreeMap<>();
        out.put("name", c.path("name").asText());
        c.path("services").fields().forEachRemaining(e -> out.put(e.getKey(),
                e.getValue().path("image").asText() + " "
                        + new TreeMap<>(Map.of("env", e.getValue().path("environment")
                                .toString()))));
        return out;
    }
}
