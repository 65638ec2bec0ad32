package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.fake.BaseImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * exec on the real engine (output, errors, exit code, environment, user, directory), and the
 * read-only port and ls.
 */
class ExecIT {

    @TempDir
    Path dir;

    private String project;
    private CliRunner cli;

    @BeforeAll
    static void baseImage() {
        BaseImage.ensure();
    }

    @BeforeEach
    void setUp() throws IOException {
        project = "exec-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  box:
                    image: %s
                    command: ["sleep", "3600"]
                    init: true
                    environment: {FROM_COMPOSE: "yes"}
                    ports: ["127.0.0.1::80"]
                """.formatted(BaseImage.NAME));
        cli = new CliRunner(dir);
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "up", "-d").exitCode());
    }

    @AfterEach
    void tearDown() {
        cli.run("-p", project, "down", "-t", "1");
        Cleanup.project(project);
    }

    @Test
    void outputErrorsAndTheExitCodePassThrough() {
        CliRunner.Result r = cli.run("-p", project, "exec", "-T", "box", "sh", "-c",
                "echo out; echo err >&2; exit 3");
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals("out\n", r.out(), r.toString());
        assertTrue(r.err().contains("err\n"), r.toString());
    }

    @Test
    void environmentUserAndDirectoryApply() {
        CliRunner.Result r = cli.env("PASSED", "through").run("-p", project, "exec", "-T",
                "-e", "EXTRA=1", "-e", "PASSED", "-u", "65534", "-w", "/tmp", "box", "sh", "-c",
                "echo $FROM_COMPOSE $EXTRA $PASSED $(id -u) $(pwd)");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("yes 1 through 65534 /tmp\n", r.out(), r.toString());
    }

    @Test
    void portPrintsWhereAContainerPortIsPublished() {
        CliRunner.Result r = cli.run("-p", project, "port", "box", "80");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().matches("127\\.0\\.0\\.1:\\d+\n"), r.toString());
        CliRunner.Result none = cli.run("-p", project, "port", "box", "81");
        assertEquals(ExitCodes.FAILURE, none.exitCode(), none.toString());
        assertTrue(none.err().contains("port 81/tcp of service \"box\" is not published"),
                none.toString());
    }

    @Test
    void lsListsTheRunningProject() {
        CliRunner.Result table = cli.run("ls");
        assertTrue(table.out().lines().anyMatch(l -> l.matches(project + " +running\\(1\\) +"
                + java.util.regex.Pattern.quote(dir.resolve("compose.yaml").toString()))),
                table.toString());
        assertTrue(cli.run("ls", "-q").out().lines().anyMatch(project::equals));
    }

    @Test
    void aMissingOrStoppedContainerIsAClearError() {
        CliRunner.Result none = cli.run("-p", project, "exec", "-T", "--index", "2", "box",
                "true");
        assertEquals(ExitCodes.FAILURE, none.exitCode(), none.toString());
        assertTrue(none.err().contains("service \"box\" is not running container #2 (it has 1)"),
                none.toString());
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "stop", "-t", "1")
                .exitCode());
        CliRunner.Result stopped = cli.run("-p", project, "exec", "-T", "box", "true");
        assertEquals(ExitCodes.FAILURE, stopped.exitCode(), stopped.toString());
        assertTrue(stopped.err().contains("container " + project + "-box-1 is not running"),
                stopped.toString());
    }
}
