package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.swarm.TestSwarm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jcompose stack ...} on the 3-node test swarm ({@code scripts/swarm.sh}): deploy with an
 * env file and {@code --wait}, the listings, a no-op redeploy, {@code --prune}, a failing
 * {@code --wait}'s exit code, and {@code rm}; the engine chosen as the docker CLI chooses it.
 */
class StackCommandsIT {

    private static TestSwarm swarm;

    @TempDir
    Path dir;

    @BeforeAll
    static void swarm() {
        swarm = TestSwarm.require();
    }

    @AfterAll
    static void letOthersUseTheSwarm() {
        swarm.close();
    }

    private CliRunner.Result stack(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--progress";
        all[1] = "plain";
        all[2] = "stack";
        System.arraycopy(args, 0, all, 3, args.length);
        return new CliRunner(dir).env("DOCKER_HOST", swarm.manager().socket()).run(all);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    /** The service both versions of the file have. */
    private static final String API = """
            services:
              api:
                image: jcompose/base:latest
                command: [sleep, "3600"]
                stop_grace_period: 1s
                environment: {LEVEL: "${LEVEL}"}
                deploy: {replicas: 2, endpoint_mode: dnsrr}
            """;

    @Test
    void deployListPruneFailAndRemoveAStackFromTheCommandLine() throws Exception {
        write("compose.yaml", API + """
                  extra:
                    image: jcompose/base:latest
                    command: [sleep, "3600"]
                    stop_grace_period: 1s
                    deploy: {endpoint_mode: dnsrr}
                """);
        write("prod.env", "LEVEL=prod\n");
        try {
            CliRunner.Result up = stack("deploy", "--env-file", "prod.env", "--wait", "clit");
            assertEquals(0, up.exitCode(), up::toString);
            assertTrue(up.err().contains("Service clit_api Created"), up::toString);
            assertTrue(up.err().contains("Service clit_api Running 2/2"), up::toString);

            CliRunner.Result services = stack("services", "clit");
            assertEquals(0, services.exitCode(), services::toString);
            assertTrue(services.out().lines().anyMatch(l -> l.matches(
                    "\\w{12} +clit_api +replicated +2/2 +jcompose/base:latest")), services::toString);
            assertEquals(3, stack("ps", "-q", "clit").out().lines().count());
            assertTrue(stack("ls").out().lines().anyMatch(l -> l.matches("clit +2")));
            assertTrue(swarm.get("/services/clit_api", java.util.Map.of()).path("Spec")
                    .path("TaskTemplate").path("ContainerSpec").path("Env").toString()
                    .contains("LEVEL=prod"));

            CliRunner.Result again = stack("deploy", "--env-file", "prod.env", "clit");
            assertTrue(again.err().contains("Service clit_api Unchanged"), again::toString);

            write("compose.yaml", API + """
                      crash:
                        image: jcompose/base:latest
                        command: [sh, -c, "exit 4"]
                        deploy: {endpoint_mode: dnsrr, restart_policy: {delay: 1s}}
                    """);
            CliRunner.Result failed = stack("deploy", "--env-file", "prod.env", "--prune",
                    "--detach=false", "--wait-timeout", "60", "clit");
            assertEquals(1, failed.exitCode(), failed::toString);
            assertTrue(failed.err().contains("Service clit_extra Removed"), failed::toString);
            assertTrue(failed.err().contains("error: service clit_crash: Crashing: failed: "),
                    failed::toString);
            assertFalse(failed.err().contains("Exception"), failed::toString);
        } finally {
            CliRunner.Result rm = stack("rm", "clit");
            assertEquals(0, rm.exitCode(), rm::toString);
        }
        assertEquals(List.of(), stack("ls").out().lines().filter(l -> l.startsWith("clit "))
                .toList());
        CliRunner.Result nothing = stack("rm", "clit");
        assertEquals("Nothing found in stack: clit\n", nothing.err(), nothing::toString);
    }

    /**
     * A docker context the docker CLI made for the manager takes the stack there: {@code
     * --context} over {@code DOCKER_HOST} (here a worker, which refuses stacks), and
     * {@code DOCKER_CONTEXT} when no host is given, as the docker CLI decides.
     */
    @Test
    void aContextNamingTheManagerTakesTheStackThere() throws Exception {
        Path config = dir.resolve("docker-config");
        docker(config, "context", "create", "swarm-manager", "--docker",
                "host=" + swarm.manager().socket());
        write("compose.yaml", API);
        write(".env", "LEVEL=ctx\n");
        String worker = swarm.nodes().stream().filter(n -> n.role().equals("worker"))
                .findFirst().orElseThrow().socket();
        CliRunner onWorker = new CliRunner(dir).env("DOCKER_CONFIG", config.toString())
                .env("DOCKER_HOST", worker);
        try {
            CliRunner.Result up = onWorker.run("--context", "swarm-manager", "stack", "deploy",
                    "ctxt");
            assertEquals(0, up.exitCode(), up::toString);
            assertEquals("ctxt", swarm.get("/services/ctxt_api", java.util.Map.of())
                    .path("Spec").path("Labels").path("com.docker.stack.namespace").asText());

            CliRunner.Result refused = onWorker.run("stack", "ls");
            assertEquals(1, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains("not a swarm manager"), refused::toString);

            CliRunner byVariable = new CliRunner(dir).env("DOCKER_CONFIG", config.toString())
                    .env("DOCKER_CONTEXT", "swarm-manager");
            byVariable.environment().remove("DOCKER_HOST");
            CliRunner.Result ls = byVariable.run("stack", "ls");
            assertTrue(ls.out().lines().anyMatch(l -> l.matches("ctxt +1")), ls::toString);
        } finally {
            CliRunner.Result rm = onWorker.run("--context", "swarm-manager", "stack", "rm",
                    "ctxt");
            assertEquals(0, rm.exitCode(), rm::toString);
        }
    }

    /** Runs the docker CLI with its configuration in {@code config}. */
    private static void docker(Path config, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("docker", "--config",
                config.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "docker " + String.join(" ", args));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }
}
