package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.jcompose.planner.fake.BaseImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** up without -d: output, aborting on a container's exit, exit codes, Ctrl-C. */
class AttachedUpIT {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

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
        project = "att-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  worker:
                    image: %1$s
                    command: ["sh", "-c", "echo working; sleep 1; echo done; exit 3"]
                  server:
                    image: %1$s
                    init: true
                    command: ["sh", "-c", "echo serving; exec sleep 3600"]
                """.formatted(BaseImage.NAME));
        cli = new CliRunner(dir);
    }

    @AfterEach
    void tearDown() {
        cli.run("-p", project, "down", "-t", "1");
        Cleanup.project(project);
    }

    private long running() {
        try (DockerClient docker = Cleanup.docker()) {
            return docker.listContainersCmd().withLabelFilter(Map.of(
                    "com.docker.compose.project", project)).exec().size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFirstExitStopsTheRestAndItsCodeIsJcomposes() {
        CliRunner.Result r = cli.run("-p", project, "--progress", "quiet", "up",
                "--abort-on-container-exit");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.out().contains("worker-1  | working\n"), r.toString());
        assertTrue(r.out().contains("worker-1  | done\n"), r.toString());
        assertTrue(r.out().contains("server-1  | serving\n"), r.toString());
        assertTrue(r.err().contains("Aborting on container exit (service worker)"), r.toString());
        assertEquals(0, running());
    }

    @Test
    void upEndsWhenEveryAttachedContainerHasExitedAndReportsEachExit() throws IOException {
        // containers that end at once (alpine's sh with no input, in the upstream scenarios):
        // their output closes a moment before the engine counts them as exited; when up
        // returns they are exited, not still running, and each exit was reported
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  quick:
                    image: %1$s
                    command: ["sh", "-c", "exit 3"]
                    depends_on: [other]
                  other:
                    image: %1$s
                    command: ["true"]
                """.formatted(BaseImage.NAME));
        for (int i = 0; i < 3; i++) {
            CliRunner.Result r = cli.run("-p", project, "--progress", "quiet", "up", "quick");
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.out().contains("quick-1 exited with code 3"), r.toString());
            assertEquals(0, running(), r.toString());
        }
    }

    @Test
    void onlyTheAttachedServicesAreShown() {
        CliRunner.Result r = cli.run("-p", project, "--progress", "quiet", "up",
                "--abort-on-container-exit", "--no-attach", "server");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.out().contains("worker-1  | done"), r.toString());
        assertTrue(!r.out().contains("server-1"), r.toString());
    }

    @Test
    void ctrlCStopsTheContainersGracefullyAndExits130() throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  worker:
                    image: %1$s
                    init: true
                    command: ["sh", "-c", "echo done; exec sleep 3600"]
                  server:
                    image: %1$s
                    init: true
                    command: ["sh", "-c", "echo serving; exec sleep 3600"]
                """.formatted(BaseImage.NAME));
        Process p = new ProcessBuilder(REPO.resolve("jcompose").toString(), "-p", project,
                "--progress", "plain", "up").directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.readString(out).contains("serving") && Files.readString(out)
                .contains("done")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.readString(out).contains("serving"), Files.readString(out)
                + Files.readString(err));
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "up did not end after Ctrl-C");
        String errors = Files.readString(err);
        assertEquals(ExitCodes.INTERRUPTED, p.exitValue(), errors);
        assertTrue(errors.contains("Gracefully stopping... (press Ctrl+C again to force)"),
                errors);
        assertEquals(0, running());
    }
}
