package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.cli.plugin.PluginMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jcompose as the docker CLI's compose plugin, driven by the real docker CLI: installed by
 * {@code install-plugin} into a docker configuration folder of the test's own, asked for its
 * metadata by the launcher alone, handed docker's global options ({@code --context}, {@code -H})
 * before the word {@code compose}, and cancelled through {@code DOCKER_CLI_PLUGIN_SOCKET} when
 * the docker CLI is interrupted with its output not on a terminal.
 */
class PluginIT {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dir;
    Path config;
    String project;

    record Run(int code, String out, String err) { }

    @BeforeEach
    void install() throws Exception {
        config = dir.resolve("docker-config");
        project = "jcompose-plugin-" + Long.toHexString(System.nanoTime());
        Run install = run(List.of(REPO.resolve("jcompose").toString(), "install-plugin"));
        assertEquals(0, install.code(), install.toString());
        assertTrue(install.out().startsWith("installed: " + config.resolve(
                "cli-plugins/docker-compose") + " -> "), install.toString());
    }

    @AfterEach
    void clean() {
        Cleanup.project(project);
    }

    private Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("DOCKER_CONFIG", config.toString());
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), command + " did not end");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Run docker(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    @Test
    void theLauncherAnswersTheMetadataQuestionWithoutAJvm() throws Exception {
        Path plugin = config.resolve("cli-plugins/docker-compose");
        long best = Long.MAX_VALUE;
        Run metadata = null;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            metadata = run(List.of(plugin.toString(), "docker-cli-plugin-metadata"));
            best = Math.min(best, System.nanoTime() - start);
        }
        assertEquals(PluginMetadata.json(Versions.composeCompatible()), metadata.out());
        // a JVM alone takes ten times as long; the docker CLI asks before every command
        assertTrue(best < TimeUnit.MILLISECONDS.toNanos(100), best / 1_000_000 + " ms");
        Run info = docker("info", "--format", "{{json .ClientInfo.Plugins}}");
        assertTrue(info.out().contains("\"Name\":\"compose\"") && info.out().contains(
                "\"Vendor\":\"jcompose\""), info.toString());
    }

    @Test
    void anotherPluginIsKeptUnlessForced() throws Exception {
        Path plugin = config.resolve("cli-plugins/docker-compose");
        Files.delete(plugin);
        Files.writeString(plugin, "#!/bin/sh\necho the user's own\n");
        Run refused = run(List.of(REPO.resolve("jcompose").toString(), "install-plugin"));
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("--force"), refused.toString());
        Run forced = run(List.of(REPO.resolve("jcompose").toString(), "install-plugin",
                "--force"));
        assertEquals(0, forced.code(), forced.toString());
        assertEquals("#!/bin/sh\necho the user's own\n", Files.readString(
                config.resolve("cli-plugins/docker-compose.before-jcompose")));
        assertTrue(Files.isSymbolicLink(plugin));
    }

    @Test
    void dockersGlobalOptionsReachThePlugin() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: "
                + "jcompose/base:latest\n    command: [\"sleep\", \"300\"]\n    init: true\n");
        Run ctx = docker("context", "create", "local", "--docker",
                "host=unix:///var/run/docker.sock");
        assertEquals(0, ctx.code(), ctx.toString());
        Run up = docker("--context", "local", "compose", "-p", project, "up", "-d");
        assertEquals(0, up.code(), up.toString());
        Run ps = docker("-c", "local", "compose", "-p", project, "ps", "--format",
                "{{.Name}}");
        assertEquals(project + "-web-1\n", ps.out(), ps.toString());
        Run version = docker("-H", "unix:///var/run/docker.sock", "compose", "version");
        assertTrue(version.out().contains("Context default (-H): unix:///var/run/docker.sock"),
                version.toString());
        Run unknown = docker("--context", "nope", "compose", "-p", project, "ps");
        assertEquals(1, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("context \"nope\" (--context) does not exist"),
                unknown.toString());
        Run down = docker("--context", "local", "compose", "-p", project, "down", "-t", "1");
        assertEquals(0, down.code(), down.toString());
    }

    @Test
    void interruptingTheDockerCliClosesTheSocketAndStopsAnAttachedUp() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: "
                + "jcompose/base:latest\n    init: true\n    command: [\"sh\", \"-c\", "
                + "\"echo serving; exec sleep 3600\"]\n");
        ProcessBuilder pb = new ProcessBuilder("docker", "compose", "-p", project,
                "--progress", "plain", "up").directory(dir.toFile());
        pb.environment().put("DOCKER_CONFIG", config.toString());
        Path out = dir.resolve("up.out");
        Path err = dir.resolve("up.err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(out).contains("serving") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.readString(out).contains("serving"), Files.readString(err));
        // SIGINT to the docker CLI only: it closes the plugin socket, stdout not being a terminal
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "up did not end: " + Files.readString(err));
        String errors = Files.readString(err);
        assertEquals(ExitCodes.INTERRUPTED, p.exitValue(), errors);
        assertTrue(errors.contains("Gracefully stopping"), errors);
        Run ps = docker("compose", "-p", project, "ps", "-a", "--format", "{{.State}}");
        assertEquals("exited\n", ps.out(), ps.toString());
    }
}
