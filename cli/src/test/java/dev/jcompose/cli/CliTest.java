package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's behaviour that needs no engine: config, errors, exit codes. */
class CliTest {

    @TempDir
    Path dir;

    @Test
    void configPrintsTheResolvedModel() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: busybox
                    ports: ["8080:80"]
                """);
        CliRunner.Result r = new CliRunner(dir).run("-p", "demo", "config");
        assertEquals(0, r.exitCode(), r.toString());
        // as docker compose prints it: strings that need quotes double-quoted
        assertTrue(r.out().startsWith("name: demo\nservices:\n  web:\n"), r.toString());
        assertTrue(r.out().contains("published: \"8080\""), r.toString());
        CliRunner.Result json = new CliRunner(dir).run("-p", "demo", "config", "--format", "json");
        assertTrue(json.out().contains("\"name\": \"demo\""), json.toString());
        assertEquals("web\n", new CliRunner(dir).run("config", "--services").out());
    }

    @Test
    void configEnvironmentTellsWhereEachVariableCameFrom() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: busybox
                    env_file: [app.env]
                    environment:
                      API_KEY: ${API_KEY}
                      PORT: ${PORT:-8080}
                      REGION:
                      LEVEL: debug
                      MISSING:
                """);
        Files.writeString(dir.resolve(".env"), "API_KEY=secret\n");
        Files.writeString(dir.resolve("app.env"), "LEVEL=info\nFROM_FILE=1\n");
        CliRunner.Result r = new CliRunner(dir).env("REGION", "eu").run("config",
                "--environment");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("""
                SERVICE   VARIABLE    VALUE     SOURCE
                web       API_KEY     secret    compose.yaml:6:16 with ${API_KEY} from .env
                web       FROM_FILE   1         env_file app.env
                web       LEVEL       debug     compose.yaml:9:14; overrides env_file app.env
                web       MISSING     <unset>   not set anywhere (bare key at compose.yaml:10:15): \
                unset in the container, the image's value too
                web       PORT        8080      compose.yaml:7:13 with ${PORT} unset: its default
                web       REGION      eu        shell (bare key at compose.yaml:8:14)
                """, r.out());
    }

    @Test
    void configFlagsKeepWhatDockerComposeKeeps() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: busybox:${TAG:-1}
                    env_file: [app.env]
                    label_file: [labels.env]
                    labels: {team: core}
                    build: {context: ./src}
                  db:
                    image: busybox
                """);
        Files.writeString(dir.resolve("app.env"), "LEVEL=info\n");
        Files.writeString(dir.resolve("labels.env"), "team=other\ntier=web\n");
        CliRunner.Result full = new CliRunner(dir).run("-p", "demo", "config");
        assertEquals(0, full.exitCode(), full.toString());
        // env files are read into environment and dropped, label files into labels
        assertFalse(full.out().contains("env_file"), full.out());
        assertTrue(full.out().contains("LEVEL: info"), full.out());
        assertTrue(full.out().contains("team: core\n      tier: web"), full.out());
        assertTrue(full.out().contains("context: " + dir.resolve("src")), full.out());
        CliRunner.Result raw = new CliRunner(dir).run("-p", "demo", "config",
                "--no-interpolate", "--no-path-resolution", "--no-normalize",
                "--no-env-resolution");
        assertEquals(0, raw.exitCode(), raw.toString());
        assertTrue(raw.out().contains("image: busybox:${TAG:-1}"), raw.out());
        assertTrue(raw.out().contains("context: ./src"), raw.out());
        assertTrue(raw.out().contains("path: app.env"), raw.out());
        assertFalse(raw.out().contains("demo_default"), raw.out());
        CliRunner.Result hash = new CliRunner(dir).run("-p", "demo", "config", "--hash", "*");
        assertEquals(0, hash.exitCode(), hash.toString());
        assertTrue(hash.out().matches("web [0-9a-f]{64}\ndb [0-9a-f]{64}\n"), hash.out());
        CliRunner.Result saved = new CliRunner(dir).run("-p", "demo", "config", "-o", "out.yaml");
        assertEquals(0, saved.exitCode(), saved.toString());
        assertEquals(full.out(), Files.readString(dir.resolve("out.yaml")));
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    networks: [front]
                """);
        assertEquals(1, new CliRunner(dir).run("config", "-q").exitCode());
        CliRunner.Result loose = new CliRunner(dir).run("config", "--no-consistency");
        assertEquals(0, loose.exitCode(), loose.toString());
        assertTrue(loose.out().contains("front: null"), loose.out());
    }

    @Test
    void badFilesFailWithFileLineAndKeyAndNoStackTrace() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: busybox
                    restart: sometimes
                """);
        CliRunner.Result r = new CliRunner(dir).run("up", "-d");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("error: " + dir.resolve("compose.yaml") + ":4:14: services.web.restart: "
                + "\"sometimes\" is not a restart policy (use no, always, unless-stopped, "
                + "on-failure or on-failure:N)\n", r.err());
    }

    @Test
    void missingFilesAreNamed() {
        CliRunner.Result r = new CliRunner(dir).run("config");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no compose file found"), r.toString());
        assertFalse(r.err().contains("at dev.jcompose"), r.toString());
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        CliRunner.Result r = new CliRunner(dir).run("upp");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("up"), r.toString());
        CliRunner.Result opt = new CliRunner(dir).run("ps", "--bogus");
        assertEquals(2, opt.exitCode(), opt.toString());
        assertTrue(opt.err().contains("Unknown option: '--bogus'"), opt.toString());
    }

    @Test
    void aNegativeScaleIsAUsageError() {
        CliRunner.Result up = new CliRunner(dir).run("-p", "demo", "up", "--scale", "a=-1");
        assertEquals(2, up.exitCode(), up.toString());
        assertTrue(up.err().contains("--scale a=-1: the number of containers cannot be "
                + "negative"), up.toString());
        CliRunner.Result scale = new CliRunner(dir).run("-p", "demo", "scale", "a=-2");
        assertEquals(2, scale.exitCode(), scale.toString());
        assertFalse(scale.err().contains("at dev.jcompose"), scale.toString());
    }

    @Test
    void theParallelLimitIsANumberOrMinusOneFromTheOptionOrTheEnvironment() {
        assertEquals(8, JcomposeCommand.parallelism("8", "--parallel"));
        assertEquals(Integer.MAX_VALUE, JcomposeCommand.parallelism("-1", "--parallel"));
        CliRunner.Result zero = new CliRunner(dir).run("-p", "demo", "--parallel", "0", "down");
        assertEquals(2, zero.exitCode(), zero.toString());
        assertTrue(zero.err().contains("--parallel 0 is not valid: give the most engine "
                + "operations at once (1 or more), or -1 for no limit"), zero.toString());
        CliRunner.Result env = new CliRunner(dir).env("COMPOSE_PARALLEL_LIMIT", "lots")
                .run("-p", "demo", "stop");
        assertEquals(2, env.exitCode(), env.toString());
        assertTrue(env.err().contains("COMPOSE_PARALLEL_LIMIT lots is not valid"),
                env.toString());
        CliRunner.Result up = new CliRunner(dir).run("-p", "demo", "up", "--parallel", "-3");
        assertEquals(2, up.exitCode(), up.toString());
        assertTrue(up.err().contains("up --parallel -3 is not valid"), up.toString());
    }

    @Test
    void noEngineIsOneClearMessage() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n");
        CliRunner.Result r = new CliRunner(dir)
                .env("DOCKER_HOST", "unix://" + dir.resolve("no-such.sock"))
                .run("up", "-d");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: cannot connect to the Docker engine at unix://"
                + dir.resolve("no-such.sock")), r.toString());
        assertTrue(r.err().contains("Is the Docker daemon running?"), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
    }
}
