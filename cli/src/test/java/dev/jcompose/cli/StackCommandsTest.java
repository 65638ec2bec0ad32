package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.cli.stack.StackCommand;
import dev.jcompose.cli.startup.CommandTable;
import dev.jcompose.planner.fake.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code stack} commands' command lines and what they print without a swarm. */
class StackCommandsTest {

    @TempDir
    Path dir;

    @Test
    void stackIsOneCommandOfTheTable() {
        assertEquals(StackCommand.class, CommandTable.named("stack").type());
        CliRunner.Result help = new CliRunner(dir).run("stack", "--help");
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().contains("jcompose --context prod stack ps shop"), help::toString);
    }

    /**
     * The stack commands act on the engine the docker CLI's options and variables name, as
     * every other command: a host or context that does not lead to one is an error naming it,
     * never another engine.
     */
    @Test
    void theStackCommandsReachTheEngineTheDockerOptionsName() {
        Path socket = dir.resolve("no-engine.sock");
        CliRunner.Result byHost = new CliRunner(dir)
                .env("DOCKER_HOST", "unix:///var/run/docker.sock").run("-H", "unix://" + socket, "stack", "ls");
        assertEquals(1, byHost.exitCode(), byHost::toString);
        assertTrue(byHost.err().startsWith("error: cannot connect to the Docker engine at unix://"
                + socket), byHost::toString);

        CliRunner.Result byContext = new CliRunner(dir).env("DOCKER_CONFIG", dir.toString())
                .run("--context", "no-such-context", "stack", "ps", "shop");
        assertEquals(1, byContext.exitCode(), byContext::toString);
        assertTrue(byContext.err().contains("no-such-context"), byContext::toString);
        assertFalse(byContext.err().contains("Exception"), byContext::toString);

        CliRunner.Result inMemory = new CliRunner(dir).on(new InMemoryEngine()).run("stack", "ls");
        assertEquals(1, inMemory.exitCode(), inMemory::toString);
        assertTrue(inMemory.err().startsWith("error: the stack commands need a Docker engine "
                + "that is a swarm manager"), inMemory::toString);
    }

    @Test
    void configPrintsTheSwarmSpecsWithTheEnvFilesVariables() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: "shop/web:${TAG}"
                    deploy: {replicas: 2}
                """);
        Files.writeString(dir.resolve("prod.env"), "TAG=2.1\n");
        CliRunner.Result r = new CliRunner(dir).run("stack", "config", "--env-file", "prod.env",
                "--specs", "shop");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("\"Name\" : \"shop_web\""), r::toString);
        assertTrue(r.out().contains("\"Image\" : \"shop/web:2.1\""), r::toString);
        assertTrue(r.out().contains("\"Replicas\" : 2"), r::toString);
        assertFalse(r.out().contains("null"), r::toString);
    }

    @Test
    void configWarnsOfWhatSwarmLeavesOutAndRefusesWhatItCannotRun() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web: {image: web, privileged: true}
                """);
        CliRunner.Result warned = new CliRunner(dir).run("stack", "config");
        assertEquals(0, warned.exitCode(), warned::toString);
        assertTrue(warned.err().startsWith("WARN " + dir.resolve("compose.yaml")
                + ":2:21: services.web.privileged: left out: "), warned::toString);
        assertTrue(warned.out().contains("privileged: true"), warned::toString);

        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web: {build: .}
                """);
        CliRunner.Result refused = new CliRunner(dir).run("stack", "config");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().startsWith("error: " + dir.resolve("compose.yaml")
                + ":2:3: services.web: no image: "), refused::toString);
    }

    @Test
    void aStackCommandNeedsItsArguments() {
        CliRunner.Result none = new CliRunner(dir).run("stack");
        assertEquals(2, none.exitCode(), none::toString);
        assertTrue(none.err().contains("no stack command given"), none::toString);
        CliRunner.Result noName = new CliRunner(dir).run("stack", "deploy");
        assertEquals(2, noName.exitCode(), noName::toString);
        assertTrue(noName.err().contains("STACK"), noName::toString);
    }
}
