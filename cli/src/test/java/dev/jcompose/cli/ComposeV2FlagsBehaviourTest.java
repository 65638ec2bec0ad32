package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.fake.BaseImage;
import dev.jcompose.planner.fake.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the flags compose v2 has, and jcompose took on to accept every compose v2 command line,
 * do: run's capabilities, labels and aliases, restart's dependents, kill's orphans, ls's
 * filter, pull's policy, push's and build's dependencies, build's push and memory; on the
 * in-memory engine (what the engine shows of them is RunIT's).
 */
class ComposeV2FlagsBehaviourTest {

    @TempDir
    Path dir;

    private final InMemoryEngine engine = new InMemoryEngine().withImage(BaseImage.NAME);
    private final String project = "flags";
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir).on(engine);
    }

    private CliRunner.Result ok(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("-p", project, "--progress",
                "quiet"));
        all.addAll(List.of(args));
        CliRunner.Result r = cli.run(all.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }

    private void buildContext(String name) throws IOException {
        Files.createDirectories(dir.resolve(name));
        Files.writeString(dir.resolve(name + "/Dockerfile"), "FROM scratch\n");
    }

    private void compose(String yaml) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml.formatted(BaseImage.NAME));
    }

    private List<String> callsSince(int mark) {
        List<String> all = engine.calls();
        return all.subList(mark, all.size());
    }

    private ContainerSpec created(String prefix) {
        return engine.createdSpecs().stream().filter(s -> s.name().startsWith(prefix))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no container "
                        + prefix + "* in " + engine.calls()));
    }

    @Test
    void runAddsCapabilitiesLabelsAndTheServiceAliasesOnlyWhenAsked() throws IOException {
        compose("""
                services:
                  app:
                    image: %s
                    cap_drop: [NET_ADMIN]
                    cap_add: [SYS_TIME]
                    labels: {team: a, keep: yes}
                    networks:
                      back: {aliases: [api]}
                networks:
                  back: {}
                """);
        ok("run", "-d", "--name", "plain", "app", "true");
        ContainerSpec plain = created("plain");
        assertEquals(List.of("plain"), plain.networks().get(0).aliases(),
                "a one-off is known by its name only, as compose v2's");

        ok("run", "-d", "--name", "wide", "--cap-add", "NET_ADMIN", "--cap-drop", "SYS_TIME",
                "--cap-drop", "MKNOD", "-l", "team=b", "--label", "extra=1", "--use-aliases",
                "app", "true");
        ContainerSpec wide = created("wide");
        assertEquals(List.of("NET_ADMIN"), wide.security().capAdd(), "added, and off cap_drop");
        assertEquals(List.of("SYS_TIME", "MKNOD"), wide.security().capDrop());
        assertEquals("b", wide.labels().get("team"));
        assertEquals("1", wide.labels().get("extra"));
        assertEquals("yes", wide.labels().get("keep"));
        assertEquals(List.of("wide", "app", "api"), wide.networks().get(0).aliases());

        CliRunner.Result bad = cli.run("-p", project, "run", "-l", "novalue", "app", "true");
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("KEY=VALUE"), bad.toString());
    }

    @Test
    void runBuildBuildsFirstAndRemoveOrphansRemovesThem() throws IOException {
        buildContext("app");
        compose("""
                services:
                  app:
                    build: ./app
                  old:
                    image: %s
                    command: ["sleep", "3600"]
                """);
        ok("up", "-d", "old");
        compose("""
                services:
                  app:
                    build: ./app
                """);
        ok("run", "--rm", "--build", "--remove-orphans", "--quiet-pull", "-i", "app", "true");
        assertTrue(engine.calls().contains("build " + project + "-app"), engine.calls()
                .toString());
        assertTrue(engine.inspectContainer(project + "-old-1").isEmpty(), "orphan removed");
        long builds = engine.calls().stream().filter(c -> c.startsWith("build ")).count();
        ok("run", "--rm", "app", "true");
        assertEquals(builds, engine.calls().stream().filter(c -> c.startsWith("build "))
                .count(), "without --build a present image is used");
    }

    @Test
    void restartTakesTheDependentsThatAskForItUnlessNoDeps() throws IOException {
        compose("""
                services:
                  db:
                    image: %1$s
                    command: ["sleep", "3600"]
                  api:
                    image: %1$s
                    command: ["sleep", "3600"]
                    depends_on: {db: {condition: service_started, restart: true}}
                  worker:
                    image: %1$s
                    command: ["sleep", "3600"]
                    depends_on: [db]
                  sidecar:
                    image: %1$s
                    command: ["sleep", "3600"]
                    network_mode: service:api
                """);
        ok("up", "-d");
        int mark = engine.calls().size();
        ok("restart", "db");
        List<String> restarted = callsSince(mark);
        assertTrue(restarted.contains("stop container " + project + "-api-1"),
                restarted.toString());
        assertFalse(restarted.contains("stop container " + project + "-worker-1"),
                restarted.toString());
        assertTrue(restarted.contains("stop container " + project + "-sidecar-1"),
                "sharing api's network, it is restarted with it, as compose-go implies: "
                        + restarted);
        mark = engine.calls().size();
        ok("restart", "--no-deps", "db");
        restarted = callsSince(mark);
        assertTrue(restarted.contains("stop container " + project + "-db-1"),
                restarted.toString());
        assertFalse(restarted.contains("stop container " + project + "-api-1"),
                restarted.toString());
    }

    @Test
    void killLeavesOrphansUnlessRemoveOrphans() throws IOException {
        compose("""
                services:
                  web:
                    image: %1$s
                    command: ["sleep", "3600"]
                  old:
                    image: %1$s
                    command: ["sleep", "3600"]
                """);
        ok("up", "-d");
        compose("""
                services:
                  web:
                    image: %1$s
                    command: ["sleep", "3600"]
                """);
        ok("run", "-d", "--name", "oneoff", "web", "sleep", "3600");
        ok("kill");
        assertEquals("running", engine.inspectContainer(project + "-old-1").orElseThrow()
                .state(), "an orphan is not killed without --remove-orphans");
        assertFalse(engine.inspectContainer(project + "-web-1").orElseThrow().isRunning());
        assertFalse(engine.inspectContainer("oneoff").orElseThrow().isRunning(),
                "a one-off is killed too, as compose v2 kills them");
        ok("kill", "--remove-orphans");
        assertFalse(engine.inspectContainer(project + "-old-1").orElseThrow().isRunning());
    }

    @Test
    void lsFiltersOnTheProjectName() throws IOException {
        compose("""
                services:
                  web:
                    image: %1$s
                    command: ["sleep", "3600"]
                """);
        ok("up", "-d");
        assertTrue(ok("ls", "-q", "--filter", "name=^fla").out().lines().toList()
                .contains(project));
        assertEquals("", ok("ls", "-q", "--filter", "name=nothing-like-it").out());
        CliRunner.Result bad = cli.run("ls", "--filter", "status=running");
        assertEquals(1, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("invalid filter 'status'"), bad.toString());
    }

    @Test
    void pullPolicyMissingSkipsPresentImagesAndAlwaysPulls() throws IOException {
        engine.withRegistryImage("registry.test/tool:1");
        engine.withImage("registry.test/tool:1");
        compose("""
                services:
                  tool:
                    image: registry.test/tool:1
                """);
        ok("pull", "--policy", "missing");
        assertFalse(engine.calls().contains("pull registry.test/tool:1"), engine.calls()
                .toString());
        ok("pull", "--policy", "always");
        assertTrue(engine.calls().contains("pull registry.test/tool:1"));
        CliRunner.Result bad = cli.run("-p", project, "pull", "--policy", "never");
        assertEquals(1, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--policy"), bad.toString());
    }

    @Test
    void buildWithDependenciesPushAndPushIncludeDeps() throws IOException {
        buildContext("ctx");
        compose("""
                services:
                  base:
                    build: ./ctx
                    image: registry.test/base:1
                  app:
                    build: ./ctx
                    image: registry.test/app:1
                    depends_on: [base]
                """);
        ok("build", "app");
        assertFalse(engine.calls().contains("build registry.test/base:1"), engine.calls()
                .toString());
        CliRunner.Result built = cli.run("-p", project, "--progress", "plain", "build",
                "--with-dependencies", "--push", "--memory", "64m", "--builder", "x", "--ssh",
                "app");
        assertEquals(0, built.exitCode(), built.toString());
        assertTrue(engine.calls().contains("build registry.test/base:1"), engine.calls()
                .toString());
        assertTrue(engine.inRegistry("registry.test/app:1") && engine.inRegistry(
                "registry.test/base:1"), engine.calls().toString());
        assertTrue(built.err().contains("--builder x is ignored")
                && built.err().contains("--ssh default is ignored"), built.toString());
        CliRunner.Result key = cli.run("-p", project, "build", "--ssh=mykey", "app");
        assertEquals(1, key.exitCode(), key.toString());
        assertTrue(key.err().contains("invalid ssh key \"mykey\""), key.toString());

        int mark = engine.calls().size();
        ok("push", "app");
        assertEquals(List.of("push registry.test/app:1"), callsSince(mark).stream()
                .filter(c -> c.startsWith("push")).toList());
        ok("push", "--include-deps", "app");
        assertTrue(engine.calls().contains("push registry.test/base:1"), engine.calls()
                .toString());
    }
}
