package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.exec.Executor;
import dev.jcompose.planner.fake.InMemoryEngine;
import dev.jcompose.planner.fake.TestProjects;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.progress.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden plans: the planner's output for a project and an engine state, as text. */
class ReconcilerTest {

    @TempDir
    Path dir;

    private static final String STACK = """
            services:
              web:
                image: web:1
                depends_on: [db]
                ports: ["8080:80"]
              db:
                image: db:1
                volumes: [data:/var/lib/db]
            volumes:
              data:
            """;

    private Project stack() {
        return TestProjects.load(dir, "demo", STACK);
    }

    private static Plan plan(Project p, InMemoryEngine engine, UpPlanOptions options) {
        return Reconciler.planUp(p, ObservedState.observe(engine, p), options);
    }

    private static void run(Plan plan, InMemoryEngine engine) throws InterruptedException {
        new Executor(engine, "demo", ProgressListener.NONE, 8, null).execute(plan);
    }

    @Test
    void freshUpCreatesResourcesThenContainersInDependencyOrder() {
        InMemoryEngine engine = new InMemoryEngine().withImage("web:1").withImage("db:1");
        assertEquals("""
                1. create Network demo_default (no existing network)
                2. create Volume demo_data (no existing volume)
                3. create Container demo-db-1 (no existing container) after 1,2
                4. start Container demo-db-1 (created) after 3
                5. create Container demo-web-1 (no existing container) after 1
                6. await service_started Service db (a dependency) after 4
                7. start Container demo-web-1 (created) after 5,6
                """, plan(stack(), engine, UpPlanOptions.defaults()).toString());
    }

    @Test
    void runBringsUpTheDependenciesAndTheServicesNetworkButNotItsContainers() {
        InMemoryEngine engine = new InMemoryEngine().withImage("web:1").withImage("db:1");
        Project p = stack();
        assertEquals("""
                1. create Network demo_default (no existing network)
                2. create Volume demo_data (no existing volume)
                3. create Container demo-db-1 (no existing container) after 1,2
                4. start Container demo-db-1 (created) after 3
                """, Reconciler.planRun(p, ObservedState.observe(engine, p), "web", false)
                .toString());
        assertEquals("1. create Network demo_default (no existing network)\n",
                Reconciler.planRun(p, ObservedState.observe(engine, p), "web", true).toString());
        assertThrows(PlanException.class,
                () -> Reconciler.planRun(p, ObservedState.observe(engine, p), "cache", false));
    }

    @Test
    void missingImagesArePulledBeforeAnythingIsCreated() {
        InMemoryEngine engine = new InMemoryEngine().withImage("db:1");
        String plan = plan(stack(), engine, UpPlanOptions.defaults()).toString();
        assertTrue(plan.startsWith("""
                1. pull Image web:1 (image not found locally)
                2. create Network demo_default (no existing network) after 1
                3. create Volume demo_data (no existing volume) after 1
                """), plan);
    }

    @Test
    void secondUpIsANoOpAndChangesRecreateOnlyWhatChanged() throws InterruptedException {
        InMemoryEngine engine = new InMemoryEngine().withImage("web:1").withImage("db:1")
                .withImage("web:2");
        run(plan(stack(), engine, UpPlanOptions.defaults()), engine);
        assertEquals("nothing to do\n", plan(stack(), engine, UpPlanOptions.defaults()).toString());

        Project changed = TestProjects.load(dir, "demo", STACK.replace("web:1", "web:2"));
        Plan p = plan(changed, engine, UpPlanOptions.defaults());
        assertEquals("""
                1. create Container 000000000000_demo-web-1 to replace demo-web-1 (config hash changed)
                2. stop Container demo-web-1 (replaced by 000000000000_demo-web-1) after 1
                3. remove Container demo-web-1 (replaced by 000000000000_demo-web-1) after 2
                4. rename Container 000000000000_demo-web-1 to demo-web-1 (finishes the recreate) after 3
                5. await service_started Service db (a dependency)
                6. start Container demo-web-1 (recreated) after 4,5
                """, p.toString());
        run(p, engine);
        assertEquals("web:2", engine.container("demo-web-1").spec().image());
    }

    @Test
    void stoppedContainersAreStartedNotRecreated() throws InterruptedException {
        InMemoryEngine engine = new InMemoryEngine().withImage("web:1").withImage("db:1");
        run(plan(stack(), engine, UpPlanOptions.defaults()), engine);
        engine.stopContainer("demo-web-1", null);
        assertEquals("""
                1. await service_started Service db (a dependency)
                2. start Container demo-web-1 (container exited) after 1
                """, plan(stack(), engine, UpPlanOptions.defaults()).toString());
    }

    @Test
    void scaleDownRemovesTheHighestNumbers() throws InterruptedException {
        InMemoryEngine engine = new InMemoryEngine().withImage("web:1").withImage("db:1");
        UpPlanOptions three = new UpPlanOptions(List.of(), false, false, false, false,
                Map.of("web", 3), false, "missing", false, false, null);
        run(plan(stack(), engine, three), engine);
        UpPlanOptions one = new UpPlanOptions(List.of(), false, false, false, false,
                Map.of("web", 1), false, "missing", false, false, null);
        String p = plan(stack(), engine, one).toString();
        assertTrue(p.contains("stop Container demo-web-3 (scaled down to 1)"), p);
        assertTrue(p.contains("stop Container demo-web-2 (scaled down to 1)"), p);
        assertTrue(!p.contains("demo-web-1"), p);
    }

    @Test
    void cyclesAreRefusedWithTheCyclePrinted() throws java.io.IOException {
        // the loader refuses cycles too; a project built without its checks reaches the planner
        java.nio.file.Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  a: {image: x, depends_on: [b]}
                  b: {image: x, depends_on: [c]}
                  c: {image: x, depends_on: [a]}
                """);
        Project p = dev.jcompose.model.load.ComposeLoader.load(
                dev.jcompose.model.load.LoadOptions.builder().workingDir(dir).projectName("demo")
                        .processEnv(java.util.Map.of()).consistencyCheck(false).build());
        PlanException e = assertThrows(PlanException.class,
                () -> plan(p, new InMemoryEngine(), UpPlanOptions.defaults()));
        assertEquals("dependency cycle between services: a -> b -> c -> a", e.getMessage());
    }

    @Test
    void checksAfterLoadingNameTheFileLineAndKey() {
        Project p = TestProjects.load(dir, "demo", """
                services:
                  a:
                    image: x
                    healthcheck:
                      test: ["CMD", "true"]
                      start_interval: 1s
                  b: {image: x, container_name: one}
                  c: {image: x, container_name: one}
                """);
        PlanException e = assertThrows(PlanException.class,
                () -> plan(p, new InMemoryEngine().withImage("x"), UpPlanOptions.defaults()));
        assertEquals(dir.resolve("compose.yaml") + ":8:17: services.c.container_name: container "
                + "name \"one\" is already in use by service b; service c cannot have it too "
                + "(container_name must be unique)", e.getMessage());
        Project healthcheck = p.withSelectedServices(java.util.List.of("a"), false);
        e = assertThrows(PlanException.class, () -> plan(healthcheck,
                new InMemoryEngine().withImage("x"), UpPlanOptions.defaults()));
        assertEquals(dir.resolve("compose.yaml") + ":6:7: services.a.healthcheck.start_interval: "
                + "healthcheck.start_interval requires healthcheck.start_period to be set",
                e.getMessage());
    }

    @Test
    void missingExternalNetworkFailsBeforeAnythingIsCreated() {
        Project p = TestProjects.load(dir, "demo", """
                services:
                  a: {image: x, networks: [shared]}
                networks:
                  shared: {external: true}
                """);
        PlanException e = assertThrows(PlanException.class,
                () -> plan(p, new InMemoryEngine().withImage("x"), UpPlanOptions.defaults()));
        assertTrue(e.getMessage().startsWith("network shared declared as external"),
                e.getMessage());
    }

    @Test
    void executorLooksUpEachImageOnceAndWaitsWithoutEventsForARunningDependency()
            throws InterruptedException {
        Project p = TestProjects.load(dir, "demo", """
                services:
                  web:
                    image: shared:1
                    depends_on: [db]
                    scale: 3
                  worker:
                    image: shared:1
                  db:
                    image: db:1
                """);
        InMemoryEngine engine = new InMemoryEngine().withImage("shared:1").withImage("db:1");
        run(plan(p, engine, UpPlanOptions.defaults()), engine);
        List<String> calls = engine.calls();
        // five containers, two images: the image label needs two lookups, not five
        assertEquals(1, calls.stream().filter("image id shared:1"::equals).count(), calls.toString());
        assertEquals(1, calls.stream().filter("image id db:1"::equals).count(), calls.toString());
        // db was running when web's wait began: no event stream opened for service_started
        assertFalse(calls.contains("events"), calls.toString());
        assertEquals("running", engine.inspectContainer("demo-web-3").orElseThrow().state());
        assertTrue(engine.inspectContainer("demo-web-1").orElseThrow().labels()
                .containsKey(Labels.IMAGE));
    }

    @Test
    void aParallelismOfOneStillFinishesAChainOfScaledServices() {
        // docker-compose 1.x deadlocks when its parallel limit is below the number of tasks
        // (docker/compose#5864, #8161): outer tasks hold every slot while their inner starts
        // wait for one. Here waits hold no slot and a step takes one only for its engine call.
        StringBuilder yaml = new StringBuilder("services:\n");
        for (int i = 1; i <= 12; i++) {
            yaml.append("  s").append(i).append(":\n    image: app:1\n    scale: 3\n");
            if (i > 1) {
                yaml.append("    depends_on: [s").append(i - 1).append("]\n");
            }
        }
        Project p = TestProjects.load(dir, "demo", yaml.toString());
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1");
        Plan plan = plan(p, engine, UpPlanOptions.defaults());
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new Executor(engine, "demo", ProgressListener.NONE, 1, null).execute(plan));
        List<String> calls = engine.calls();
        for (int i = 1; i <= 12; i++) {
            for (int n = 1; n <= 3; n++) {
                assertEquals("running", engine.inspectContainer("demo-s" + i + "-" + n)
                        .orElseThrow().state());
            }
            if (i > 1) {
                assertTrue(calls.indexOf("start container demo-s" + (i - 1) + "-3")
                        < calls.indexOf("start container demo-s" + i + "-1"), calls.toString());
            }
        }
    }

    @Test
    void executorStartsDependenciesFirstAndReportsFailures() throws InterruptedException {
        InMemoryEngine engine = new InMemoryEngine().withImage("web:1").withImage("db:1");
        run(plan(stack(), engine, UpPlanOptions.defaults()), engine);
        List<String> calls = engine.calls();
        assertTrue(calls.indexOf("start container demo-db-1")
                < calls.indexOf("start container demo-web-1"), calls.toString());
        assertEquals("running", engine.inspectContainer("demo-web-1").orElseThrow().state());

        InMemoryEngine noImage = new InMemoryEngine().withImage("db:1");
        Executor.ExecutionException e = assertThrows(Executor.ExecutionException.class,
                () -> run(plan(stack(), noImage, UpPlanOptions.defaults()), noImage));
        assertTrue(e.getMessage().startsWith("Image web:1: service web: pull access denied for web:1"),
                e.getMessage());
        assertTrue(noImage.calls().stream().noneMatch(c -> c.startsWith("create")),
                noImage.calls().toString());
    }

    @Test
    void downRemovesInReverseDependencyOrderAndKeepsVolumes() throws InterruptedException {
        InMemoryEngine engine = new InMemoryEngine().withImage("web:1").withImage("db:1");
        Project p = stack();
        run(plan(p, engine, UpPlanOptions.defaults()), engine);
        Plan down = DownPlanner.planDown("demo", p, new DownPlanner.Existing(
                engine.listContainers(Map.of(Labels.PROJECT, "demo"), true),
                engine.listNetworks(Map.of(Labels.PROJECT, "demo")),
                engine.listVolumes(Map.of(Labels.PROJECT, "demo"))), DownPlanOptions.defaults());
        assertEquals("""
                1. stop Container demo-web-1 (down)
                2. remove Container demo-web-1 (down) after 1
                3. stop Container demo-db-1 (down) after 2
                4. remove Container demo-db-1 (down) after 2,3
                5. remove Network demo_default (down) after 2,4
                """, down.toString());
        run(down, engine);
        assertTrue(engine.containers().isEmpty());
        assertEquals(1, engine.listVolumes(Map.of()).size());
    }

    @Test
    void forceRecreateAppliesToTheNamedServicesAndAlwaysRecreateDepsToTheirDependencies()
            throws InterruptedException {
        InMemoryEngine engine = new InMemoryEngine().withImage("web:1").withImage("db:1");
        run(plan(stack(), engine, UpPlanOptions.defaults()), engine);
        UpPlanOptions force = new UpPlanOptions(List.of("web"), false, true, false, false,
                Map.of(), false, null, false, false, null);
        assertEquals("""
                1. create Container 000000000000_demo-web-1 to replace demo-web-1 (--force-recreate)
                2. stop Container demo-web-1 (replaced by 000000000000_demo-web-1) after 1
                3. remove Container demo-web-1 (replaced by 000000000000_demo-web-1) after 2
                4. rename Container 000000000000_demo-web-1 to demo-web-1 (finishes the recreate) after 3
                5. await service_started Service db (a dependency)
                6. start Container demo-web-1 (recreated) after 4,5
                """, plan(stack(), engine, force).toString());
        String deps = plan(stack(), engine, force.withAlwaysRecreateDeps(true)).toString();
        assertTrue(deps.startsWith("""
                1. create Container 000000000000_demo-db-1 to replace demo-db-1 (--always-recreate-deps)
                2. stop Container demo-db-1 (replaced by 000000000000_demo-db-1) after 1
                3. remove Container demo-db-1 (replaced by 000000000000_demo-db-1) after 2
                4. rename Container 000000000000_demo-db-1 to demo-db-1 (finishes the recreate) after 3
                5. start Container demo-db-1 (recreated) after 4
                """), deps);
    }

    @Test
    void recreatedContainersKeepTheirAnonymousVolumesUnlessRenewed() throws InterruptedException {
        String file = """
                services:
                  app:
                    image: app:1
                    volumes: ["/data", "cache:/cache"]
                volumes:
                  cache:
                """;
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1").withImage("app:2")
                .withImage("app:3");
        run(plan(TestProjects.load(dir, "demo", file), engine, UpPlanOptions.defaults()), engine);
        String anonymous = volumeAt(engine, "/data");
        assertTrue(anonymous.matches("[0-9a-f]{64}"), anonymous);

        run(plan(TestProjects.load(dir, "demo", file.replace("app:1", "app:2")), engine,
                UpPlanOptions.defaults()), engine);
        assertEquals(anonymous, volumeAt(engine, "/data"), "the data survives a recreate");
        assertEquals("demo_cache", volumeAt(engine, "/cache"));

        run(plan(TestProjects.load(dir, "demo", file.replace("app:1", "app:3")), engine,
                UpPlanOptions.defaults().withRenewAnonVolumes(true)), engine);
        assertTrue(!anonymous.equals(volumeAt(engine, "/data")), "-V gives a new volume");
        assertEquals("demo_cache", volumeAt(engine, "/cache"));

        // down -v removes the anonymous volume too, though the container mounts it by name
        Project p = TestProjects.load(dir, "demo", file.replace("app:1", "app:3"));
        String down = DownPlanner.planDown("demo", p, new DownPlanner.Existing(
                engine.listContainers(Map.of(), true), engine.listNetworks(Map.of()),
                engine.listVolumes(Map.of())), new DownPlanOptions(true, false, null, null))
                .toString();
        assertTrue(down.contains("Volume " + volumeAt(engine, "/data")), down);
    }

    private static String volumeAt(InMemoryEngine engine, String target) {
        return engine.inspectContainer("demo-app-1").orElseThrow().volumes().get(target);
    }

    @Test
    void dependentsWithRestartTrueRestartWhenTheirDependencyIsRecreated()
            throws InterruptedException {
        String file = """
                services:
                  db:
                    image: db:1
                  web:
                    image: web:1
                    depends_on:
                      db: {condition: service_started, restart: true}
                  worker:
                    image: web:1
                    depends_on: [db]
                """;
        InMemoryEngine engine = new InMemoryEngine().withImage("web:1").withImage("db:1")
                .withImage("db:2");
        run(plan(TestProjects.load(dir, "demo", file), engine, UpPlanOptions.defaults()), engine);
        assertEquals("""
                1. create Container 000000000000_demo-db-1 to replace demo-db-1 (config hash changed)
                2. stop Container demo-db-1 (replaced by 000000000000_demo-db-1) after 1
                3. remove Container demo-db-1 (replaced by 000000000000_demo-db-1) after 2
                4. rename Container 000000000000_demo-db-1 to demo-db-1 (finishes the recreate) after 3
                5. start Container demo-db-1 (recreated) after 4
                6. stop Container demo-web-1 (dependency db recreated (restart: true)) after 4
                7. await service_started Service db (a dependency) after 5
                8. start Container demo-web-1 (dependency db recreated (restart: true)) after 6,7
                """, plan(TestProjects.load(dir, "demo", file.replace("db:1", "db:2")), engine,
                UpPlanOptions.defaults()).toString());
    }

    @Test
    void startsOfContainersPublishingPortRangesGoOneAfterAnother() {
        InMemoryEngine engine = new InMemoryEngine().withImage("a:1");
        Project p = TestProjects.load(dir, "demo", """
                services:
                  a:
                    image: a:1
                    scale: 3
                    ports: ["9000-9010:80"]
                """);
        assertEquals("""
                1. create Network demo_default (no existing network)
                2. create Container demo-a-1 (no existing container) after 1
                3. create Container demo-a-2 (no existing container) after 1
                4. create Container demo-a-3 (no existing container) after 1
                5. start Container demo-a-1 (created) after 2
                6. start Container demo-a-2 (created) after 3,5
                7. start Container demo-a-3 (created) after 4,6
                """, plan(p, engine, UpPlanOptions.defaults()).toString());
    }

    @Test
    void scalingDownRemovesOutOfDateContainersFirstThenTheHighestNumbers()
            throws InterruptedException {
        String file = """
                services:
                  app:
                    image: app:1
                """;
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1").withImage("app:2");
        Project v1 = TestProjects.load(dir, "demo", file);
        Project v2 = TestProjects.load(dir, "demo", file.replace("app:1", "app:2"));
        run(plan(v1, engine, scale(2, false)), engine);
        run(plan(v2, engine, scale(4, true)), engine);
        assertEquals(List.of("demo-app-1", "demo-app-2", "demo-app-3", "demo-app-4"),
                names(engine));
        run(plan(v2, engine, scale(2, false)), engine);
        assertEquals(List.of("demo-app-3", "demo-app-4"), names(engine), "out of date first");
        run(plan(v2, engine, scale(1, false)), engine);
        assertEquals(List.of("demo-app-3"), names(engine), "then the highest number");
        run(plan(v2, engine, scale(2, false)), engine);
        assertEquals(List.of("demo-app-3", "demo-app-4"), names(engine));
    }

    private static final String HOOKED = """
            services:
              app:
                image: app:1
                depends_on: [db]
                volumes: [data:/data]
                pre_start:
                  - command: sh -c 'echo migrating'
                  - image: tools:1
                    command: sh -c 'echo seeding'
                  - command: sh -c 'echo per replica'
                    per_replica: true
              db:
                image: db:1
            volumes:
              data:
            """;

    @Test
    void preStartHooksRunAfterTheCreatesAndDependenciesAndBeforeTheFirstStart() {
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1").withImage("db:1")
                .withImage("tools:1");
        Project p = TestProjects.load(dir, "demo", HOOKED);
        assertEquals("""
                1. create Network demo_default (no existing network)
                2. create Volume demo_data (no existing volume)
                3. create Container demo-db-1 (no existing container) after 1
                4. start Container demo-db-1 (created) after 3
                5. create Container demo-app-1 (no existing container) after 1,2
                6. await service_started Service db (a dependency) after 4
                7. run pre_start hooks [0, 1] Container demo-app-1 \
                (first start of the service's containers) after 5,6
                8. run pre_start hooks [2] Container demo-app-1 \
                (first start of the service's containers) after 5,6
                9. start Container demo-app-1 (created) after 5,6,7,8
                """, plan(p, engine, UpPlanOptions.defaults()).toString());
    }

    @Test
    void preStartHooksRunOnceForTheServiceUntilItsContainersAreReplaced()
            throws InterruptedException {
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1").withImage("db:1")
                .withImage("tools:1");
        Project p = TestProjects.load(dir, "demo", HOOKED);
        run(plan(p, engine, UpPlanOptions.defaults()), engine);
        assertEquals(List.of("demo-app-1-pre_start-2", "demo-app-pre_start-0",
                "demo-app-pre_start-1"), hookRuns(engine));
        assertEquals(List.of("demo-app-1", "demo-db-1"), names(engine), "hook containers removed");
        ContainerSpec seeding = engine.createdSpecs().stream()
                .filter(c -> c.name().equals("demo-app-pre_start-1")).findFirst().orElseThrow();
        assertEquals("tools:1", seeding.image());
        assertEquals(List.of("demo-app-1"), seeding.volumesFrom(),
                "the service container's volumes, by its id");
        assertEquals("pre_start", seeding.labels().get(Labels.HOOK));

        int before = hookRuns(engine).size();
        run(plan(p, engine, UpPlanOptions.defaults()), engine);
        assertEquals(before, hookRuns(engine).size(), "an unchanged up runs no hook");
        run(plan(p, engine, new UpPlanOptions(List.of(), false, false, false, false,
                Map.of("app", 2), false, null, false, false, null)), engine);
        assertEquals(List.of("demo-app-1-pre_start-2", "demo-app-2-pre_start-2",
                "demo-app-pre_start-0", "demo-app-pre_start-1"), hookRuns(engine),
                "scaling up runs only the new replica's per-replica hook");
        Project changed = TestProjects.load(dir, "demo", HOOKED.replace("migrating", "v2"));
        assertTrue(plan(changed, engine, UpPlanOptions.defaults()).toString()
                .contains("run pre_start hooks [0, 1]"), "recreated containers run them again");
    }

    @Test
    void aFailingPreStartHookLeavesTheServiceCreatedAndRunsAgainNextTime() {
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1");
        Project p = TestProjects.load(dir, "demo", """
                services:
                  app:
                    image: app:1
                    pre_start:
                      - command: sh -c 'echo ran-0'
                      - command: sh -c 'echo broken; exit 17'
                """);
        Exception e = assertThrows(Exception.class,
                () -> run(plan(p, engine, UpPlanOptions.defaults()), engine));
        assertTrue(e.getMessage().contains("service \"app\" pre_start[1] failed with exit code 17: "
                + "broken"), e.getMessage());
        assertEquals("created", engine.inspectContainer("demo-app-1").orElseThrow().state());
        assertEquals(List.of("demo-app-1"), names(engine), "the hook's container is removed");
        assertTrue(plan(p, engine, UpPlanOptions.defaults()).toString()
                .contains("run pre_start hooks [0, 1]"), "never started: the hooks run again");
    }

    @Test
    void allResourcesAlsoCreatesTheNetworksAndVolumesNoServiceUses() {
        Project p = TestProjects.load(dir, "demo", """
                services:
                  app:
                    image: app:1
                networks:
                  spare: {}
                  outside: {external: true}
                volumes:
                  unused: {}
                """);
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1");
        assertEquals("""
                1. create Network demo_default (no existing network)
                2. create Network demo_spare (no existing network)
                3. create Volume demo_unused (no existing volume)
                4. create Container demo-app-1 (no existing container) after 1
                5. start Container demo-app-1 (created) after 4
                """, plan(p, engine, UpPlanOptions.defaults().withAllResources(true)).toString());
        assertTrue(!plan(p, engine, UpPlanOptions.defaults()).toString().contains("spare"));
    }

    @Test
    void endedOneOffsAreOrphansWarnedAboutOrRemovedAsComposeDoes() throws InterruptedException {
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1");
        Project p = TestProjects.load(dir, "demo", """
                services:
                  app:
                    image: app:1
                """);
        run(plan(p, engine, UpPlanOptions.defaults()), engine);
        String id = engine.createContainer(ContainerSpecs.forOneOff(p, p.service("app"),
                "demo-app-run-1", ConfigHash.of(p.service("app"))));
        engine.startContainer(id);
        assertTrue(plan(p, engine, UpPlanOptions.defaults()).warnings().isEmpty(),
                "a running one-off is not an orphan");
        engine.waitContainer(id);
        assertTrue(plan(p, engine, UpPlanOptions.defaults()).warnings().get(0)
                .startsWith("found orphan containers (demo-app-run-1)"));
        assertTrue(plan(p, engine, new UpPlanOptions(List.of(), false, false, false, true, Map.of(),
                false, null, false, false, null)).toString()
                .contains("remove Container demo-app-run-1 (orphan container)"));
        assertTrue(plan(p, engine, UpPlanOptions.defaults().withIgnoreOrphans(true)).warnings()
                .isEmpty());
    }

    @Test
    void aVolumeThatNoLongerMatchesIsKeptWithAWarningOrRecreatedWithItsContainersOnYes()
            throws InterruptedException {
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1");
        String file = """
                services:
                  app:
                    image: app:1
                    volumes: [data:/data]
                volumes:
                  data:
                    labels: {tier: one}
                """;
        run(plan(TestProjects.load(dir, "demo", file), engine, UpPlanOptions.defaults()), engine);
        Project changed = TestProjects.load(dir, "demo", file.replace("one", "two"));
        Plan kept = plan(changed, engine, UpPlanOptions.defaults());
        assertEquals("nothing to do\n", kept.toString(), "nothing touched");
        assertEquals(List.of("volume demo_data does not match the compose file (label tier: one "
                + "-> two); it is kept as it is, with its data; run up -y to remove it and "
                + "create it again (its data is lost)"), kept.warnings());
        assertEquals("""
                1. stop Container demo-app-1 (volume data is recreated)
                2. remove Container demo-app-1 (volume data is recreated) after 1
                3. remove Volume demo_data (changed in the compose file (label tier: one -> \
                two), up -y) after 2
                4. create Volume demo_data (recreated) after 3
                5. create Container demo-app-1 (no existing container) after 4
                6. start Container demo-app-1 (created) after 5
                """, plan(changed, engine, UpPlanOptions.defaults().withRecreateVolumes(true))
                .toString());
    }

    @Test
    void aNetworkWhoseConfigChangedIsRecreatedAndItsContainersReconnected()
            throws InterruptedException {
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1");
        String file = """
                services:
                  app:
                    image: app:1
                    networks: [back]
                networks:
                  back:
                    ipam:
                      config: [{subnet: 172.99.0.0/16}]
                """;
        run(plan(TestProjects.load(dir, "demo", file), engine, UpPlanOptions.defaults()), engine);
        Project changed = TestProjects.load(dir, "demo", file.replace("172.99", "192.168"));
        assertEquals("""
                1. disconnect from demo_back Container demo-app-1 (network back is recreated)
                2. remove Network demo_back (configuration changed) after 1
                3. create Network demo_back (recreated) after 2
                4. connect to demo_back Container demo-app-1 (network back recreated) after 3
                """, plan(changed, engine, UpPlanOptions.defaults()).toString());
        assertEquals("nothing to do\n", plan(TestProjects.load(dir, "demo", file), engine,
                UpPlanOptions.defaults()).toString(), "an unchanged network is left alone");
    }

    private static List<String> hookRuns(InMemoryEngine engine) {
        return engine.calls().stream().filter(c -> c.startsWith("start container ")
                && c.contains("pre_start")).map(c -> c.substring("start container ".length()))
                .sorted().toList();
    }

    private static UpPlanOptions scale(int replicas, boolean noRecreate) {
        return new UpPlanOptions(List.of(), false, false, noRecreate, false,
                Map.of("app", replicas), false, null, false, false, null);
    }

    private static List<String> names(InMemoryEngine engine) {
        return engine.listContainers(Map.of(), true).stream()
                .map(dev.jcompose.planner.engine.ContainerSummary::name).sorted().toList();
    }

    @Test
    void anOptionalDependencyThatFailsIsAWarningAndTheDependentStartsAnyway()
            throws InterruptedException {
        InMemoryEngine engine = new InMemoryEngine().withImage("web:1").withImage("db:1");
        Project p = TestProjects.load(dir, "demo", """
                services:
                  web:
                    image: web:1
                    depends_on:
                      db: {condition: service_healthy, required: false}
                  db:
                    image: db:1
                """);
        Plan plan = plan(p, engine, UpPlanOptions.defaults());
        assertTrue(plan.toString().contains("await service_healthy (optional) Service db"),
                plan.toString());
        List<dev.jcompose.planner.progress.ProgressEvent> events =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        new Executor(engine, "demo", events::add, 8, null).execute(plan);
        assertTrue(events.stream().anyMatch(e -> e.detail().startsWith(
                "optional dependency \"db\" failed to start: service db has no healthcheck")),
                events.toString());
        assertEquals("running", engine.inspectContainer("demo-web-1").orElseThrow().state());
    }

    @Test
    void aDependencyWithoutHealthcheckThatExitsAtOnceIsReportedAsExited() throws Exception {
        InMemoryEngine engine = new InMemoryEngine().withImage("web:1").withImage("db:1");
        Project p = TestProjects.load(dir, "demo", """
                services:
                  web:
                    image: web:1
                    depends_on:
                      db: {condition: service_healthy}
                  db:
                    image: db:1
                """);
        Plan plan = plan(p, engine, UpPlanOptions.defaults());
        // db starts and, like `sh -c "exit 1"`, exits a moment later: it never had a chance to
        // be healthy, and its exit code is what the user needs to see. It exits once the wait
        // has found it running without a healthcheck and listens for events (within the grace)
        Thread exits = Thread.ofPlatform().start(() -> {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            try {
                while (!engine.calls().contains("events") && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                engine.exit("demo-db-1", 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Executor.ExecutionException e = assertThrows(Executor.ExecutionException.class,
                () -> new Executor(engine, "demo", ProgressListener.NONE, 8, null).execute(plan));
        exits.join();
        assertTrue(e.getMessage().contains("container demo-db-1 exited (1)"), e.getMessage());
        assertEquals("created", engine.inspectContainer("demo-web-1").orElseThrow().state());

        // still running after the grace: no healthcheck is the reason
        InMemoryEngine running = new InMemoryEngine().withImage("web:1").withImage("db:1");
        Plan again = plan(p, running, UpPlanOptions.defaults());
        Executor.ExecutionException noCheck = assertThrows(Executor.ExecutionException.class,
                () -> new Executor(running, "demo", ProgressListener.NONE, 8, null)
                        .execute(again));
        assertTrue(noCheck.getMessage().contains("service db has no healthcheck"),
                noCheck.getMessage());
    }

    @Test
    void noDepsRefusesToShareTheNamespaceOrVolumesOfAServiceWithoutAContainer() {
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1");
        Project p = TestProjects.load(dir, "demo", """
                services:
                  app:
                    image: app:1
                    network_mode: service:db
                  files:
                    image: app:1
                    volumes_from: [db]
                  db:
                    image: app:1
                """);
        UpPlanOptions appOnly = new UpPlanOptions(List.of("app"), true, false, false, false,
                Map.of(), false, null, false, false, null);
        PlanException e = assertThrows(PlanException.class, () -> plan(p, engine, appOnly));
        assertTrue(e.getMessage().startsWith(
                "cannot share network namespace with service db: container missing"),
                e.getMessage());
        UpPlanOptions filesOnly = new UpPlanOptions(List.of("files"), true, false, false, false,
                Map.of(), false, null, false, false, null);
        assertTrue(assertThrows(PlanException.class, () -> plan(p, engine, filesOnly))
                .getMessage().startsWith("cannot share volume with service db: container "
                        + "missing"));
        // with its dependency in the run, the plan creates db first
        assertTrue(plan(p, engine, UpPlanOptions.defaults()).toString()
                .contains("create Container demo-db-1"));
    }
}
