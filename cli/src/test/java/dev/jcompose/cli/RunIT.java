package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.jcompose.planner.fake.BaseImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run on the real engine: one-off containers, their dependencies, exit codes, --rm, down. */
class RunIT {

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
        project = "run-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  db:
                    image: %1$s
                    command: ["sleep", "3600"]
                    init: true
                    healthcheck: {test: ["CMD", "true"], interval: 1s}
                  app:
                    image: %1$s
                    command: ["echo", "the service's own command"]
                    environment: {FROM_COMPOSE: "yes"}
                    ports: ["127.0.0.1::80"]
                    depends_on:
                      db: {condition: service_healthy}
                """.formatted(BaseImage.NAME));
        cli = new CliRunner(dir);
    }

    @AfterEach
    void tearDown() {
        cli.run("-p", project, "down", "-t", "1");
        Cleanup.project(project);
    }

    private List<Container> containers() {
        try (DockerClient docker = Cleanup.docker()) {
            return docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("com.docker.compose.project", project)).exec();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aOneOffRunsAfterItsHealthyDependencyAndPassesItsExitCodeThrough() {
        CliRunner.Result r = cli.run("-p", project, "--progress", "quiet", "run", "-e", "X=1",
                "app", "sh", "-c", "echo $FROM_COMPOSE $X; echo oops >&2; exit 4");
        assertEquals(4, r.exitCode(), r.toString());
        assertEquals("yes 1\n", r.out(), r.toString());
        assertTrue(r.err().contains("oops"), r.toString());
        List<Container> all = containers();
        assertEquals(2, all.size(), all.toString());
        Container oneOff = all.stream().filter(c -> "True".equals(c.getLabels()
                .get("com.docker.compose.oneoff"))).findFirst().orElseThrow();
        assertTrue(oneOff.getNames()[0].matches("/" + project + "-app-run-[0-9a-f]{12}"),
                oneOff.getNames()[0]);
        assertEquals(0, oneOff.getPorts().length, "a one-off publishes no port by default");
        assertTrue(all.stream().anyMatch(c -> c.getNames()[0].equals("/" + project + "-db-1")
                && c.getStatus().contains("healthy")), all.toString());

        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "down", "-t", "1")
                .exitCode());
        assertEquals(List.of(), containers(), "down removes one-off containers too");
    }

    @Test
    void rmRemovesItAndNoDepsStartsNothingElse() {
        CliRunner.Result r = cli.run("-p", project, "--progress", "quiet", "run", "--rm",
                "--no-deps", "app");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("the service's own command\n", r.out(), r.toString());
        assertEquals(List.of(), containers());
    }

    @Test
    void anUnknownServiceIsRefusedWithTheKnownOnes() {
        CliRunner.Result r = cli.run("-p", project, "run", "nope", "true");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no such service: nope (services: app, db)"), r.toString());
    }
}
