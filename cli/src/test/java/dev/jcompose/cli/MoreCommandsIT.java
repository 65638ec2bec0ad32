package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.fake.BaseImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hooks, models, scale, top and events on the real engine. */
class MoreCommandsIT {

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
        project = "more-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  job:
                    image: %s
                    command: ["sh", "-c", "sleep 1; exit 5"]
                """.formatted(BaseImage.NAME));
        cli = new CliRunner(dir);
    }

    @AfterEach
    void tearDown() {
        cli.run("-p", project, "down", "-t", "1");
        Cleanup.project(project);
    }

    @Test
    void postStartAndPreStopHooksRunInTheContainer() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        out.toFile().setWritable(true, false);
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: %s
                    command: ["sleep", "300"]
                    stop_grace_period: 1s
                    volumes: ["./out:/out"]
                    post_start:
                      - command: ["sh", "-c", "echo $$GREETING > /out/started"]
                        environment: {GREETING: hello}
                    pre_stop:
                      - command: ["sh", "-c", "pwd > /out/stopped"]
                        working_dir: /tmp
                  broken:
                    image: %s
                    command: ["sleep", "300"]
                    profiles: [broken]
                    post_start:
                      - command: ["false"]
                """.formatted(BaseImage.NAME, BaseImage.NAME));
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "up", "-d").exitCode());
        assertEquals("hello\n", Files.readString(out.resolve("started")));
        assertTrue(Files.notExists(out.resolve("stopped")));
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "stop").exitCode());
        assertEquals("/tmp\n", Files.readString(out.resolve("stopped")));

        CliRunner.Result failed = cli.run("-p", project, "--progress", "plain", "up", "-d",
                "broken");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertTrue(failed.err().contains("post_start: broken hook exited with status 1"),
                failed.toString());
    }

    @Test
    void preStartHooksSeeTheServicesVolumesNetworksAndEnvironmentAndVolumesFromAndIpcApply()
            throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        out.toFile().setWritable(true, false);
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  db:
                    image: %1$s
                    command: ["sleep", "300"]
                    stop_grace_period: 1s
                  app:
                    image: %1$s
                    command: ["sleep", "300"]
                    stop_grace_period: 1s
                    depends_on: [db]
                    environment: {STAGE: base}
                    volumes: ["./out:/out"]
                    pre_start:
                      - command: ["sh", "-c", "ping -c 1 -W 3 db >/dev/null && echo $$STAGE-$$EXTRA > /out/hook"]
                        environment: {EXTRA: hook}
                  reader:
                    image: %1$s
                    command: ["sleep", "300"]
                    stop_grace_period: 1s
                    volumes_from: ["app:ro"]
                    ipc: "service:app"
                """.formatted(BaseImage.NAME));
        CliRunner.Result up = cli.run("-p", project, "--progress", "plain", "up", "-d");
        assertEquals(0, up.exitCode(), up.toString());
        assertTrue(up.err().contains("Container " + project + "-app-pre_start-0 Completed"),
                up.toString());
        assertEquals("base-hook\n", Files.readString(out.resolve("hook")),
                "the hook reached db by name, with the service's and its own environment");
        CliRunner.Result read = cli.run("-p", project, "exec", "-T", "reader", "cat", "/out/hook");
        assertEquals("base-hook\n", read.out(), read.toString());
        assertEquals(1, cli.run("-p", project, "exec", "-T", "reader", "sh", "-c",
                "echo x > /out/x").exitCode(), "volumes_from app:ro is read-only");
        assertEquals(3, cli.run("-p", project, "ps", "-a", "-q").out().lines().count(),
                "the hook's container is gone");
        try (var docker = Cleanup.docker()) {
            String app = docker.inspectContainerCmd(project + "-app-1").exec().getId();
            assertEquals("container:" + app, docker.inspectContainerCmd(project + "-reader-1")
                    .exec().getHostConfig().getIpcMode());
        }
        Files.delete(out.resolve("hook"));
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "up", "-d").exitCode());
        assertTrue(Files.notExists(out.resolve("hook")), "an unchanged up runs no hook");
    }

    static final String USES_A_MODEL = """
            services:
              chat:
                image: %s
                command: ["sleep", "300"]
                stop_grace_period: 1s
                models:
                  llm: {model_var: CHAT_MODEL}
              plain:
                image: %s
                command: ["sleep", "300"]
                stop_grace_period: 1s
            models:
              llm:
                model: ai/smollm2
                context_size: 2048
                runtime_flags: ["--threads", "2"]
            """.formatted(BaseImage.NAME, BaseImage.NAME);

    @Test
    void modelsArePulledConfiguredAndTheirVariablesSetThroughTheDockerModelPlugin()
            throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), USES_A_MODEL);
        // Docker Model Runner cannot run here (no registry): a plugin that answers as it does
        Path config = Files.createDirectories(dir.resolve("docker-config/cli-plugins"));
        Path calls = dir.resolve("plugin-calls");
        Path plugin = config.resolve("docker-model");
        Files.writeString(plugin, """
                #!/bin/sh
                echo "$*" >> %s
                case "$1" in
                  ls) echo '[{"id":"sha256:1","tags":["ai/other"]}]' ;;
                  status) echo '{"running":true,"endpoint":"http://model-runner.test/engines/v1/"}' ;;
                esac
                """.formatted(calls));
        assertTrue(plugin.toFile().setExecutable(true));
        cli.env("DOCKER_CONFIG", config.getParent().toString());
        CliRunner.Result up = cli.run("-p", project, "--progress", "plain", "up", "-d");
        assertEquals(0, up.exitCode(), up.toString());
        assertTrue(up.err().contains("Model llm Pulled") && up.err().contains("Model llm "
                + "Configured"), up.toString());
        assertEquals(List.of("ls --json", "pull ai/smollm2",
                "configure --context-size 2048 ai/smollm2 -- --threads 2", "status --json"),
                Files.readAllLines(calls));
        CliRunner.Result env = cli.run("-p", project, "exec", "-T", "chat", "env");
        assertTrue(env.out().contains("LLM_URL=http://model-runner.test/engines/v1/\n")
                && env.out().contains("CHAT_MODEL=ai/smollm2\n"), env.toString());
    }

    @Test
    void scaleSetsTheNumberOfContainersAndTopShowsEachOnesProcesses() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  worker:
                    image: %s
                    command: ["sleep", "300"]
                """.formatted(BaseImage.NAME));
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "scale", "worker=2")
                .exitCode());
        CliRunner.Result top = cli.run("-p", project, "top");
        assertEquals(0, top.exitCode(), top.toString());
        // each container's table headed by its name, as compose v2 does
        assertTrue(top.out().startsWith(project + "-worker-1\nUID "), top.toString());
        assertTrue(top.out().contains("\n\n" + project + "-worker-2\nUID "), top.toString());
        assertEquals(2, top.out().lines().filter(l -> l.endsWith("sleep 300")).count(),
                top.toString());
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "scale", "worker=1")
                .exitCode());
        assertEquals(1, cli.run("-p", project, "ps", "-q").out().lines().count());
        assertEquals(ExitCodes.USAGE, cli.run("-p", project, "scale", "worker").exitCode());
    }

    @Test
    void eventsStreamsTheProjectsContainerEvents() throws Exception {
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "create").exitCode());
        Process events = new ProcessBuilder(REPO.resolve("jcompose").toString(), "-p", project,
                "events", "--json").directory(dir.toFile()).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                events.getInputStream(), StandardCharsets.UTF_8))) {
            // the stream is open once the launcher's JVM is up; start until an event shows
            CompletableFuture<String> started = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.contains("\"action\":\"start\"")) {
                            return line;
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!started.isDone() && System.nanoTime() < deadline) {
                cli.run("-p", project, "--progress", "quiet", "start");
                try {
                    started.get(2, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException notYet) {
                    // the container exits after a second: start it again
                }
            }
            String line = started.getNow(null);
            assertTrue(line != null && line.contains("\"service\":\"job\""), String.valueOf(line));
        } finally {
            events.destroy();
            events.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
