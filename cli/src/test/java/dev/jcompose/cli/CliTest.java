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
        assertTrue(r.out().startsWith("name: demo\nservices:\n  web:\n"), r.toString());
        assertTrue(r.out().contains("published: '8080'"), r.toString());
        CliRunner.Result json = new CliRunner(dir).run("-p", "demo", "config", "--format", "json");
        assertTrue(json.out().contains("\"name\": \"demo\""), json.toString());
        assertEquals("web\n", new CliRunner(dir).run("config", "--services").out());
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
