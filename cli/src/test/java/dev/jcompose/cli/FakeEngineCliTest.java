package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.fake.BaseImage;
import dev.jcompose.planner.fake.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands whose behaviour needs no real engine, run in-process on the planner's in-memory one:
 * the same command lines and assertions the integration tests make, in a fraction of the time.
 */
class FakeEngineCliTest {

    @TempDir
    Path dir;

    private final InMemoryEngine engine = new InMemoryEngine().withImage(BaseImage.NAME);
    private final String project = "fake";
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir).on(engine);
    }

    private void ok(CliRunner.Result r) {
        assertEquals(0, r.exitCode(), r.toString());
    }

    private String state(String service) {
        return engine.inspectContainer(project + "-" + service + "-1").orElseThrow().state();
    }

    private void twoServices() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  db:
                    image: %1$s
                    command: ["sleep", "3600"]
                  app:
                    image: %1$s
                    command: ["sleep", "3600"]
                    depends_on: [db]
                """.formatted(BaseImage.NAME));
    }

    @Test
    void createMakesContainersWithoutStartingThemAndWaitReturnsTheExitCode() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  job:
                    image: %s
                    command: ["sh", "-c", "sleep 1; exit 5"]
                """.formatted(BaseImage.NAME));
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "create").exitCode());
        CliRunner.Result ps = cli.run("-p", project, "ps", "-a", "--status", "created", "-q");
        assertEquals(1, ps.out().lines().count(), ps.toString());

        CliRunner.Result images = cli.run("-p", project, "images");
        assertTrue(images.out().contains(project + "-job-1") && images.out()
                .contains("jcompose/base"), images.toString());

        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "start").exitCode());
        CliRunner.Result waited = cli.run("-p", project, "wait", "job");
        assertEquals(5, waited.exitCode(), waited.toString());
    }

    @Test
    void modelsWithoutDockerModelRunnerAreAClearErrorAndNothingIsCreated() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), MoreCommandsIT.USES_A_MODEL);
        cli.env("DOCKER_CONFIG", Files.createDirectories(dir.resolve("docker-config")).toString());
        CliRunner.Result up = cli.run("-p", project, "up", "-d");
        assertEquals(1, up.exitCode(), up.toString());
        assertTrue(up.err().contains("service \"chat\" uses model \"llm\" (ai/smollm2), and "
                + "models need Docker Model Runner: its docker CLI plugin (docker-model) is not "
                + "installed (looked in " + dir.resolve("docker-config/cli-plugins")),
                up.toString());
        assertTrue(engine.containers().isEmpty(), "no container created");
        assertTrue(engine.listNetworks(Map.of()).isEmpty(), "no network created");
        CliRunner.Result plain = cli.run("-p", project, "--progress", "quiet", "up", "-d",
                "plain");
        assertEquals(0, plain.exitCode(), "a service without models runs: " + plain);
    }

    @Test
    void aKeyNewerThanTheEnginesApiIsRefusedAtItsPositionBeforeAnythingIsCreated()
            throws IOException {
        // the in-memory engine speaks API 1.41, as Docker 20.10; start_interval needs 1.44
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  db:
                    image: %1$s
                    healthcheck:
                      test: ["CMD", "true"]
                      start_period: 10s
                      start_interval: 1s
                  app:
                    image: %1$s
                    depends_on: [db]
                  other:
                    image: %1$s
                """.formatted(BaseImage.NAME));
        Files.writeString(dir.resolve("compose.override.yaml"), """
                services:
                  db:
                    healthcheck:
                      start_interval: 2s
                """);
        String refusal = "error: " + dir.resolve("compose.override.yaml") + ":4:7: "
                + "services.db.healthcheck.start_interval: needs Docker Engine 25 or later "
                + "(Engine API 1.44); this engine is Docker 0-fake (Engine API 1.41)\n";
        for (String[] command : new String[][] {{"up", "-d"}, {"up", "-d", "app"},
                {"create"}, {"run", "--rm", "app", "true"}}) {
            CliRunner.Result r = cli.run(java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("-p", project), java.util.Arrays.stream(command))
                    .toArray(String[]::new));
            assertEquals(1, r.exitCode(), r.toString());
            assertEquals(refusal, r.err(), r.toString());
            assertTrue(engine.containers().isEmpty(), "no container created: " + r);
            assertTrue(engine.listNetworks(Map.of()).isEmpty(), "no network created: " + r);
        }
        // a service that does not need it, and does not depend on it, runs
        ok(cli.run("-p", project, "--progress", "quiet", "up", "-d", "other"));
        ok(cli.run("-p", project, "--progress", "quiet", "up", "-d", "--no-deps", "app"));
    }

    @Test
    void psTakesATemplateOrThePsFormatOfTheDockerConfig() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: %s
                    command: ["sleep", "300"]
                    stop_grace_period: 1s
                """.formatted(BaseImage.NAME));
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "up", "-d").exitCode());
        CliRunner.Result plain = cli.run("-p", project, "ps", "--format",
                "{{.Name}}\\t{{.State}} {{json .ExitCode}}");
        assertEquals(project + "-app-1\trunning 0\n", plain.out(), plain.toString());
        Path config = Files.createDirectories(dir.resolve("docker-config"));
        Files.writeString(config.resolve("config.json"),
                "{\"psFormat\": \"table {{.Name}}\\\\t{{.Status}}\"}");
        CliRunner.Result table = cli.env("DOCKER_CONFIG", config.toString())
                .run("-p", project, "ps");
        assertTrue(table.out().startsWith("NAME "), table.toString());
        assertTrue(table.out().contains("STATUS") && !table.out().contains("IMAGE"),
                table.toString());
        assertEquals(ExitCodes.USAGE, cli.run("-p", project, "ps", "--format", "{{.Nope}}")
                .exitCode());
    }

    @Test
    void stopStartRestartKillPauseAndUnpause() throws IOException {
        twoServices();
        ok(cli.run("-p", project, "up", "-d"));

        CliRunner.Result plan = cli.run("-p", project, "stop", "--dry-run");
        ok(plan);
        assertEquals("1. stop Container " + project + "-app-1 (stop)\n"
                + "2. stop Container " + project + "-db-1 (stop) after 1\n", plan.out());
        assertEquals("running", state("app"));

        ok(cli.run("-p", project, "stop", "-t", "2"));
        assertEquals("exited", state("app"));
        assertEquals("exited", state("db"));

        ok(cli.run("-p", project, "start", "db"));
        assertEquals("running", state("db"));
        assertEquals("exited", state("app"));
        ok(cli.run("-p", project, "start"));
        assertEquals("running", state("app"));

        ok(cli.run("-p", project, "pause", "app"));
        assertEquals("paused", state("app"));
        ok(cli.run("-p", project, "unpause"));
        assertEquals("running", state("app"));

        ok(cli.run("-p", project, "kill", "-s", "SIGKILL", "app"));
        assertEquals("exited", state("app"));
        ok(cli.run("-p", project, "restart", "-t", "1"));
        assertEquals("running", state("app"));
        assertEquals("running", state("db"));
    }

    @Test
    void unknownServicesAreRefusedWithTheKnownOnes() throws IOException {
        twoServices();
        ok(cli.run("-p", project, "up", "-d"));
        CliRunner.Result r = cli.run("-p", project, "stop", "cache");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no such service: cache (services: db, app)"), r.toString());
        assertEquals("running", state("app"));
    }
}
