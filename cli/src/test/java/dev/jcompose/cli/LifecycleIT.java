package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.jcompose.planner.fake.BaseImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * start, stop, restart, kill, pause, unpause, rm and up --wait on the real engine, checked
 * against what the engine reports; also from the labels alone ({@code -p} and no file).
 */
class LifecycleIT {

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    private String project;
    private CliRunner cli;

    @BeforeAll
    static void baseImage() {
        BaseImage.ensure();
    }

    @BeforeEach
    void setUp() throws IOException {
        project = "lc-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  db:
                    image: %1$s
                    command: ["sleep", "3600"]
                    init: true
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 1s
                  app:
                    image: %1$s
                    command: ["sleep", "3600"]
                    init: true
                    depends_on:
                      db: {condition: service_healthy}
                """.formatted(BaseImage.NAME));
        cli = new CliRunner(dir);
    }

    @AfterEach
    void tearDown() {
        cli.run("-p", project, "down", "-v", "-t", "1");
        Cleanup.project(project);
    }

    private String state(String service) {
        try (DockerClient docker = Cleanup.docker()) {
            var s = docker.inspectContainerCmd(project + "-" + service + "-1").exec().getState();
            return Boolean.TRUE.equals(s.getPaused()) ? "paused" : s.getStatus();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String health(String service) {
        try (DockerClient docker = Cleanup.docker()) {
            var h = docker.inspectContainerCmd(project + "-" + service + "-1").exec().getState()
                    .getHealth();
            return h == null ? null : h.getStatus();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ok(CliRunner.Result r) {
        assertEquals(0, r.exitCode(), r.toString());
    }

    @Test
    void upWaitReturnsOnlyWhenServicesAreHealthy() {
        ok(cli.run("-p", project, "up", "--wait", "--wait-timeout", "60"));
        assertEquals("healthy", health("db"));
        assertEquals("running", state("app"));
    }

    @Test
    void rmAsksRemovesStoppedOnesAndWorksFromLabelsAlone() {
        ok(cli.run("-p", project, "up", "-d"));
        CliRunner elsewhereCli = new CliRunner(elsewhere);   // no compose file there

        ok(elsewhereCli.run("-p", project, "stop", "app"));
        CliRunner.Result asked = elsewhereCli.run("-p", project, "rm");
        ok(asked);
        assertTrue(asked.err().contains("Going to remove " + project + "-app-1"), asked.toString());
        assertEquals("exited", state("app"));          // no answer is no

        CliRunner.Result removed = elsewhereCli.run("-p", project, "rm", "-f");
        ok(removed);
        assertTrue(removed.err().contains("not removing running containers (" + project
                + "-db-1)"), removed.toString());
        try (DockerClient docker = Cleanup.docker()) {
            assertEquals(1, docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("com.docker.compose.project", project))
                    .exec().size());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ok(elsewhereCli.run("-p", project, "rm", "-f", "-s", "-t", "1"));
        CliRunner.Result none = cli.run("-p", project, "ps", "-a", "-q");
        assertEquals("", none.out(), none.toString());
    }

    @Test
    void anUpKilledMidwayIsConvergedByTheNextUpAndRemovedEntirelyByDown() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  db:
                    image: %1$s
                    command: ["sh", "-c", "sleep 4; touch /tmp/ready; exec sleep 3600"]
                    init: true
                    healthcheck:
                      test: ["CMD", "test", "-f", "/tmp/ready"]
                      interval: 1s
                      retries: 20
                  app:
                    image: %1$s
                    command: ["sleep", "3600"]
                    init: true
                    depends_on:
                      db: {condition: service_healthy}
                """.formatted(BaseImage.NAME));
        Path launcher = BaseImage.repositoryRoot().resolve("jcompose");
        Process up = new ProcessBuilder(launcher.toString(), "-p", project, "--progress",
                "plain", "up", "-d").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // killed (SIGKILL, no shutdown hook) while it waits for db to be healthy
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!"running".equals(stateOrNull("db")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals("running", stateOrNull("db"));
        up.destroyForcibly().waitFor();
        assertTrue(!"running".equals(stateOrNull("app")), "app waits for db to be healthy");

        ok(cli.run("-p", project, "--progress", "quiet", "up", "-d"));
        assertEquals("running", state("db"));
        assertEquals("running", state("app"));

        // one engine operation at a time (the global --parallel): still everything goes
        ok(cli.run("-p", project, "--progress", "quiet", "--parallel", "1", "down", "-t", "1"));
        try (DockerClient docker = Cleanup.docker()) {
            String label = "com.docker.compose.project=" + project;
            assertTrue(docker.listContainersCmd().withShowAll(true).withLabelFilter(
                    Map.of("com.docker.compose.project", project)).exec().isEmpty());
            assertTrue(docker.listNetworksCmd().withFilter("label", List.of(label))
                    .exec().isEmpty());
        }
    }

    /** The container's state, or null when it does not exist. */
    private String stateOrNull(String service) {
        try (DockerClient docker = Cleanup.docker()) {
            return docker.inspectContainerCmd(project + "-" + service + "-1").exec().getState()
                    .getStatus();
        } catch (NotFoundException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
