package dev.jcompose.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.planner.DownPlanOptions;
import dev.jcompose.planner.ImagePlanner;
import dev.jcompose.planner.UpPlanOptions;
import dev.jcompose.planner.exec.Executor;
import dev.jcompose.planner.fake.InMemoryEngine;
import dev.jcompose.planner.fake.TestProjects;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.progress.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image side of the service: up builds before planning containers, build/pull/push. */
class ImageServiceTest {

    @TempDir
    Path dir;

    private static UpOptions up(boolean build) {
        return new UpOptions(new UpPlanOptions(List.of(), false, false, false, false, Map.of(),
                false, null, build, false, null), false, false, null, 8);
    }

    @Test
    void upBuildsFirstAndARebuiltImageRecreatesItsContainers() throws Exception {
        Project p = TestProjects.load(dir, "demo", """
                services:
                  app: {build: ., command: ["sleep", "1"]}
                """);
        InMemoryEngine engine = new InMemoryEngine();
        ComposeService service = new StandardComposeService(engine, ProgressListener.NONE);
        Plan first = service.up(p, up(false));
        assertEquals("""
                1. build Image demo-app (image not found locally)
                2. create Network demo_default (no existing network)
                3. create Container demo-app-1 (no existing container) after 2
                4. start Container demo-app-1 (created) after 3
                """, first.toString());
        String id = engine.inspectContainer("demo-app-1").orElseThrow().id();

        assertEquals("nothing to do\n", service.up(p, up(false)).toString());
        Plan rebuilt = service.up(p, up(true));
        assertEquals("""
                1. build Image demo-app (--build)
                2. recreate Container demo-app-1 (image changed)
                3. start Container demo-app-1 (recreated) after 2
                """, rebuilt.toString());
        assertNotEquals(id, engine.inspectContainer("demo-app-1").orElseThrow().id());

        Plan down = service.down("demo", p, new DownOptions(new DownPlanOptions(false, false,
                null, "local"), false, 8));
        assertTrue(down.toString().contains("remove Image demo-app:latest (down --rmi local)"),
                down.toString());
        assertTrue(engine.inspectImage("demo-app").isEmpty());
    }

    @Test
    void aFailedPullFailsUpBeforeAnythingIsCreated() {
        Project p = TestProjects.load(dir, "demo", """
                services:
                  web: {image: "registry.example.com/web:1", depends_on: [db]}
                  db: {image: "db:1"}
                """);
        InMemoryEngine engine = new InMemoryEngine().withImage("db:1");
        ComposeService service = new StandardComposeService(engine, ProgressListener.NONE);
        Executor.ExecutionException e = assertThrows(Executor.ExecutionException.class,
                () -> service.up(p, up(false)));
        assertEquals("Image registry.example.com/web:1: service web: pull access denied for "
                + "registry.example.com/web:1, repository does not exist or may require "
                + "'docker login'", e.getMessage());
        assertTrue(engine.containers().isEmpty());
        assertTrue(engine.listNetworks(Map.of()).isEmpty());
    }

    @Test
    void dryRunShowsImageAndContainerStepsInOnePlan() throws Exception {
        Project p = TestProjects.load(dir, "demo", """
                services:
                  app: {build: .}
                """);
        InMemoryEngine engine = new InMemoryEngine();
        ComposeService service = new StandardComposeService(engine, ProgressListener.NONE);
        Plan plan = service.up(p, new UpOptions(UpPlanOptions.defaults(), true, false, null, 8));
        assertTrue(plan.toString().startsWith("""
                1. build Image demo-app (image not found locally)
                2. create Network demo_default (no existing network) after 1
                """), plan.toString());
        assertTrue(engine.calls().isEmpty(), engine.calls().toString());
    }

    @Test
    void buildPullAndPushGoThroughTheEngine() throws Exception {
        Project p = TestProjects.load(dir, "demo", """
                services:
                  app: {image: "reg:5000/app:1", build: .}
                  cache: {image: "redis:7"}
                """);
        InMemoryEngine engine = new InMemoryEngine().withRegistryImage("redis:7");
        ComposeService service = new StandardComposeService(engine, ProgressListener.NONE);
        service.build(p, BuildOptions.defaults());
        assertTrue(engine.inspectImage("reg:5000/app:1").isPresent());
        service.push(p, PushOptions.defaults());
        assertTrue(engine.inRegistry("reg:5000/app:1"));
        Plan pulled = service.pull(p, new PullOptions(new ImagePlanner.PullOptions(
                List.of("cache"), false, false, false), false, 8));
        assertEquals("1. pull Image redis:7 (image not found locally)\n", pulled.toString());
        assertTrue(engine.inspectImage("redis:7").isPresent());
        ComposeException unknown = assertThrows(ComposeException.class, () -> service.pull(p,
                new PullOptions(new ImagePlanner.PullOptions(List.of("nope"), false, false,
                        false), false, 8)));
        assertTrue(unknown.getMessage().startsWith("no such service: nope"));
    }
}
