package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A docker context whose engine is {@code ssh://root@127.0.0.1:PORT}: a real sshd
 * (scripts/test-sshd.sh) in front of the machine's engine, reached the way the docker CLI
 * reaches it, {@code ssh ... docker system dial-stdio}. jcompose brings a project up, lists it
 * and takes it down through it, the sshd log shows the connections, and with the sshd stopped
 * the same command fails naming the context and ssh's reason, rather than using the local
 * socket.
 */
class SshContextIT {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final String PROJECT = "jcompose-ssh-it";

    @TempDir
    static Path dir;
    static Path sshd;
    static Path config;
    static Map<String, String> env;

    @BeforeAll
    static void sshd() throws Exception {
        sshd = dir.resolve("sshd");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        script("start", sshd.toString(), Integer.toString(port));
        config = dir.resolve("docker-config");
        env = Map.of("DOCKER_CONFIG", config.toString(),
                "PATH", sshd.resolve("bin") + ":" + System.getenv("PATH"));
        // port 1 (tcpmux): privileged and unused, so nothing can take it between the test's
        // steps, as a freed ephemeral port can be taken by a container's published port
        int closed = 1;
        docker("context", "create", "sshctx", "--docker", "host=ssh://root@127.0.0.1:" + port);
        docker("context", "create", "deadctx", "--docker", "host=ssh://root@127.0.0.1:" + closed);
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: jcompose/base:latest
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 300 & wait"]
                """);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            Cleanup.project(PROJECT);
        } finally {
            script("stop", sshd.toString());
        }
    }

    private static void script(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                REPO.resolve("scripts/test-sshd.sh").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "test-sshd.sh did not finish");
        assertEquals(0, p.exitValue(), "scripts/test-sshd.sh " + String.join(" ", args)
                + " failed (it needs apt-get download openssh-server): "
                + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The docker CLI with the test's config folder, as a user makes contexts. */
    private static void docker(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private CliRunner cli() {
        CliRunner cli = new CliRunner(dir);
        env.forEach(cli::env);
        return cli;
    }

    private static long accepted() throws IOException {
        return Files.readAllLines(sshd.resolve("sshd.log")).stream()
                .filter(l -> l.startsWith("Accepted publickey for root")).count();
    }

    @Test
    void upPsAndDownActThroughTheSshContext() throws Exception {
        long before = accepted();
        CliRunner.Result up = cli().run("--context", "sshctx", "-p", PROJECT, "up", "-d");
        assertEquals(0, up.exitCode(), up.toString());
        assertTrue(accepted() > before, "no ssh connection was made");
        CliRunner.Result ps = cli().run("--context", "sshctx", "-p", PROJECT, "ps",
                "--format", "{{.Name}} {{.State}}");
        assertEquals(0, ps.exitCode(), ps.toString());
        assertEquals(PROJECT + "-web-1 running\n", ps.out(), ps.toString());
        // DOCKER_HOST (set when the tests run on another engine than the local socket's) would
        // come before DOCKER_CONTEXT, as with the docker CLI; empty is unset
        CliRunner.Result version = cli().env("DOCKER_CONTEXT", "sshctx").env("DOCKER_HOST", "")
                .run("version");
        assertTrue(version.out().contains("Context sshctx (DOCKER_CONTEXT): ssh://root@127.0.0.1:")
                && version.out().contains("Engine "), version.toString());
        CliRunner.Result down = cli().run("--context", "sshctx", "-p", PROJECT, "down");
        assertEquals(0, down.exitCode(), down.toString());
        CliRunner.Result after = cli().run("-p", PROJECT, "ps", "-a", "-q");
        assertEquals("", after.out(), after.toString());
    }

    @Test
    void anUnreachableSshEngineIsAnErrorNotTheLocalSocket() {
        CliRunner.Result ps = cli().run("--context", "deadctx", "-p", PROJECT, "ps");
        assertEquals(1, ps.exitCode(), ps.toString());
        assertTrue(ps.err().contains("context deadctx") && ps.err().contains("Connection refused")
                && ps.err().contains("status 255"), ps.toString());
        assertEquals(1, ps.err().strip().lines().count(), ps.toString());
        CliRunner.Result noSsh = cli().env("PATH", "/nonexistent").run("--context", "sshctx",
                "-p", PROJECT, "ps");
        assertEquals(1, noSsh.exitCode(), noSsh.toString());
        assertTrue(noSsh.err().contains("ssh not found on PATH"), noSsh.toString());
    }
}
