package dev.jcompose.api.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.BuildPolicy;
import dev.jcompose.api.ComposeException;
import dev.jcompose.api.ComposeService;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.PlanReport;
import dev.jcompose.api.PullOptions;
import dev.jcompose.api.PushOptions;
import dev.jcompose.api.RemoveImages;
import dev.jcompose.api.UpOptions;
import dev.jcompose.model.Project;
import dev.jcompose.planner.fake.InMemoryEngine;
import dev.jcompose.planner.fake.TestProjects;
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
        return UpOptions.builder().build(build ? BuildPolicy.ALWAYS : BuildPolicy.MISSING)
                .parallelism(8).build();
    }

    private static ComposeService service(InMemoryEngine engine) {
        return LocalTarget.on(engine).service(ProgressListener.NONE);
    }

    @Test
    void upBuildsFirstAndARebuiltImageRecreatesItsContainers() throws Exception {
        Project p = TestProjects.load(dir, "demo", """
                services:
                  app: {build: ., command: ["sleep", "1"]}
                """);
        InMemoryEngine engine = new InMemoryEngine();
        ComposeService service = service(engine);
        PlanReport first = service.up(p, up(false));
        assertEquals("""
                1. build Image demo-app (image not found locally)
                2. create Network demo_default (no existing network)
                3. create Container demo-app-1 (no existing container) after 2
                4. start Container demo-app-1 (created) after 3
                """, first.toString());
        String id = engine.inspectContainer("demo-app-1").orElseThrow().id();

        assertEquals("nothing to do\n", service.up(p, up(false)).toString());
        PlanReport rebuilt = service.up(p, up(true));
        assertEquals("""
                1. build Image demo-app (--build)
                2. create Container 000000000000_demo-app-1 to replace demo-app-1 (image changed)
                3. stop Container demo-app-1 (replaced by 000000000000_demo-app-1) after 2
                4. remove Container demo-app-1 (replaced by 000000000000_demo-app-1) after 3
                5. rename Container 000000000000_demo-app-1 to demo-app-1 (finishes the recreate) after 4
                6. start Container demo-app-1 (recreated) after 5
                """, rebuilt.toString());
        assertNotEquals(id, engine.inspectContainer("demo-app-1").orElseThrow().id());

        PlanReport down = service.down("demo", p, DownOptions.builder().images(RemoveImages.LOCAL)
                .parallelism(8).build());
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
        ComposeService service = service(engine);
        ComposeException e = assertThrows(ComposeException.class,
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
        ComposeService service = service(engine);
        PlanReport plan = service.up(p, UpOptions.builder().dryRun(true).parallelism(8).build());
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
        ComposeService service = service(engine);
        service.build(p, BuildOptions.defaults());
        assertTrue(engine.inspectImage("reg:5000/app:1").isPresent());
        service.push(p, PushOptions.defaults());
        assertTrue(engine.inRegistry("reg:5000/app:1"));
        PlanReport pulled = service.pull(p, PullOptions.builder()
                .services(List.of("cache")).parallelism(8).build());
        assertEquals("1. pull Image redis:7 (image not found locally)\n", pulled.toString());
        assertTrue(engine.inspectImage("redis:7").isPresent());
        ComposeException unknown = assertThrows(ComposeException.class, () -> service.pull(p,
                PullOptions.builder().services(List.of("nope"))
                        .parallelism(8).build()));
        assertTrue(unknown.getMessage().startsWith("no such service: nope"));
    }
}
