package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
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

/**
 * The engine as the CLI names and uses it, on every engine of the matrix: {@code version} names
 * its kind, version and API version as the engine gives them, and a key newer than its API
 * ({@code healthcheck.start_interval}, API 1.44) is used on an engine that speaks it and refused
 * on one that does not, at its file:line:col with the engine named, before anything is created.
 */
class EngineCliIT {

    @TempDir
    Path dir;

    private String project;
    private CliRunner cli;

    @BeforeAll
    static void baseImage() {
        BaseImage.ensure();
    }

    @BeforeEach
    void setUp() {
        project = "engcli-" + UUID.randomUUID().toString().substring(0, 8);
        cli = new CliRunner(dir);
    }

    @AfterEach
    void tearDown() {
        cli.run("-p", project, "down", "-v", "-t", "0");
        Cleanup.project(project);
    }

    private static Version engineVersion() throws IOException {
        try (DockerClient docker = Cleanup.docker()) {
            return docker.versionCmd().exec();
        }
    }

    private static String kind(Version v) {
        return v.getComponents() != null && v.getComponents().stream()
                .anyMatch(c -> c.getName().startsWith("Podman")) ? "Podman" : "Docker";
    }

    private static boolean speaks144(Version v) {
        String[] parts = v.getApiVersion().split("\\.");
        return Integer.parseInt(parts[0]) > 1 || Integer.parseInt(parts[1]) >= 44;
    }

    @Test
    void versionNamesTheEnginesKindVersionAndApi() throws IOException {
        Version v = engineVersion();
        CliRunner.Result r = cli.run("version");
        assertEquals(0, r.exitCode(), r.toString());
        String line = "Engine " + kind(v) + " " + v.getVersion() + " (API " + v.getApiVersion()
                + ") at ";
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(line)), line + "\n" + r);
    }

    @Test
    void startIntervalIsUsedWhereTheApiHasItAndRefusedAtItsPositionBefore() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  db:
                    image: %s
                    command: ["sleep", "300"]
                    init: true
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 60s
                      start_period: 60s
                      start_interval: 1s
                """.formatted(BaseImage.NAME));
        Version v = engineVersion();
        if (speaks144(v)) {
            // healthy after the first probe, at start_interval: not after the 60 s interval
            long start = System.nanoTime();
            CliRunner.Result up = cli.run("-p", project, "--progress", "quiet", "up", "-d",
                    "--wait", "--wait-timeout", "30");
            assertEquals(0, up.exitCode(), up.toString());
            assertTrue(System.nanoTime() - start < 20_000_000_000L, "healthy at once: " + up);
            return;
        }
        CliRunner.Result up = cli.run("-p", project, "up", "-d");
        assertEquals(1, up.exitCode(), up.toString());
        assertEquals("error: " + dir.resolve("compose.yaml") + ":10:7: "
                + "services.db.healthcheck.start_interval: needs Docker Engine 25 or later "
                + "(Engine API 1.44); this engine is " + kind(v) + " " + v.getVersion()
                + " (Engine API " + v.getApiVersion() + ")\n", up.err(), up.toString());
        try (DockerClient docker = Cleanup.docker()) {
            assertEquals(List.of(), docker.listNetworksCmd()
                    .withFilter("label", List.of("com.docker.compose.project=" + project))
                    .exec(), "no network created");
            assertEquals(List.of(), docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("com.docker.compose.project", project))
                    .exec(), "no container created");
        }
    }
}
