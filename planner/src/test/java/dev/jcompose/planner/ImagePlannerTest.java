package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.planner.engine.BuildSpec;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ImageSummary;
import dev.jcompose.planner.exec.Executor;
import dev.jcompose.planner.fake.InMemoryEngine;
import dev.jcompose.planner.fake.TestProjects;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.progress.ProgressEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden plans of pulls, builds and pushes, and what the executor makes of them. */
class ImagePlannerTest {

    @TempDir
    Path dir;

    private Project load(String yaml) {
        return TestProjects.load(dir, "demo", yaml);
    }

    private static UpPlanOptions up(String pull, boolean build, boolean noBuild) {
        return new UpPlanOptions(List.of(), false, false, false, false, Map.of(), false, pull,
                build, noBuild, null);
    }

    private static String images(Project p, InMemoryEngine engine, UpPlanOptions options) {
        return ImagePlanner.planUp(p, ObservedState.observe(engine, p), options).toString();
    }

    private static void run(Plan plan, InMemoryEngine engine, List<ProgressEvent> events)
            throws InterruptedException {
        new Executor(engine, "demo", events::add, 8, null).execute(plan);
    }

    @Test
    void eachDistinctImageIsPulledOnceAndPullsRunInParallel() {
        Project p = load("""
                services:
                  a: {image: "redis:7"}
                  b: {image: "redis:7"}
                  c: {image: "postgres:16"}
                  d: {image: "here:1"}
                """);
        assertEquals("""
                1. pull Image redis:7 (image not found locally)
                2. pull Image postgres:16 (image not found locally)
                """, images(p, new InMemoryEngine().withImage("here:1"), UpPlanOptions.defaults()));
        Plan plan = ImagePlanner.planUp(p, ObservedState.observe(new InMemoryEngine(), p),
                UpPlanOptions.defaults());
        assertEquals(List.of("a", "b"), plan.actions(Action.PullImage.class).get(0).services());
    }

    @Test
    void servicesWithABuildAreBuiltWhenMissingOrAsked() {
        Project p = load("""
                services:
                  app: {build: .}
                """);
        assertEquals("1. build Image demo-app (image not found locally)\n",
                images(p, new InMemoryEngine(), UpPlanOptions.defaults()));
        InMemoryEngine built = new InMemoryEngine().withImage("demo-app");
        assertEquals("nothing to do\n", images(p, built, UpPlanOptions.defaults()));
        assertEquals("1. build Image demo-app (--build)\n", images(p, built,
                up(null, true, false)));
        Project always = load("""
                services:
                  app: {build: ., pull_policy: build}
                """);
        assertEquals("1. build Image demo-app (pull_policy build)\n", images(always, built,
                UpPlanOptions.defaults()));
    }

    @Test
    void anImageWithABuildIsPulledFirstAndBuiltOnlyIfThePullFails() throws Exception {
        Project p = load("""
                services:
                  app: {image: "registry.example.com/app:1", build: .}
                  worker: {image: "registry.example.com/app:1"}
                """);
        InMemoryEngine engine = new InMemoryEngine();
        assertEquals("""
                1. pull Image registry.example.com/app:1 (image not found locally; may fail)
                2. build Image registry.example.com/app:1 (if the pull fails) after 1
                """, images(p, engine, UpPlanOptions.defaults()));

        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        run(ImagePlanner.planUp(p, ObservedState.observe(engine, p), UpPlanOptions.defaults()),
                engine, events);
        assertTrue(engine.calls().contains("build registry.example.com/app:1"), engine.calls()
                .toString());
        assertTrue(events.stream().anyMatch(e -> e.status() == ProgressEvent.Status.WARNING
                && e.detail().startsWith("services app, worker: pull access denied")), events
                .toString());

        InMemoryEngine registry = new InMemoryEngine()
                .withRegistryImage("registry.example.com/app:1");
        run(ImagePlanner.planUp(p, ObservedState.observe(registry, p), UpPlanOptions.defaults()),
                registry, new CopyOnWriteArrayList<>());
        assertEquals(List.of("pull registry.example.com/app:1"), registry.calls().stream()
                .filter(c -> c.startsWith("pull ") || c.startsWith("build ")).toList());
    }

    @Test
    void pullPoliciesAndThePullFlag() {
        Project p = load("""
                services:
                  always: {image: "a:1", pull_policy: always}
                  never: {image: "n:1", pull_policy: never}
                  missing: {image: "m:1", pull_policy: if_not_present}
                """);
        InMemoryEngine all = new InMemoryEngine().withImage("a:1").withImage("n:1")
                .withImage("m:1");
        assertEquals("1. pull Image a:1 (pull policy always)\n",
                images(p, all, UpPlanOptions.defaults()));
        assertEquals("nothing to do\n", images(p, all, up("never", false, false)));
        assertEquals("""
                1. pull Image a:1 (pull policy always)
                2. pull Image n:1 (pull policy always)
                3. pull Image m:1 (pull policy always)
                """, images(p, all, up("always", false, false)));
        PlanException never = assertThrows(PlanException.class, () -> images(p,
                new InMemoryEngine().withImage("a:1").withImage("m:1"), UpPlanOptions.defaults()));
        assertEquals("service never needs image n:1, which is not present locally, and its pull "
                + "policy is never; pull it first (jcompose pull never)", never.getMessage());
        PlanException flag = assertThrows(PlanException.class, () -> images(p, all,
                up("sometimes", false, false)));
        assertTrue(flag.getMessage().startsWith("--pull sometimes is not a pull policy"));
    }

    @Test
    void refreshingPoliciesPullWhenTheImageIsOlderThanTheirInterval() {
        Project p = load("""
                services:
                  d: {image: "d:1", pull_policy: daily}
                  w: {image: "w:1", pull_policy: weekly}
                  e: {image: "e:1", pull_policy: every_12h}
                  m: {image: "m:1", pull_policy: every_1d12h}
                """);
        Instant now = Instant.now();
        InMemoryEngine engine = new InMemoryEngine()
                .withImage("d:1", now.minus(Duration.ofHours(25)))
                .withImage("w:1", now.minus(Duration.ofDays(6)))
                .withImage("e:1", now.minus(Duration.ofHours(11)))
                .withImage("m:1", now.minus(Duration.ofHours(37)));
        assertEquals("""
                1. pull Image d:1 (pull policy daily: image older than that)
                2. pull Image m:1 (pull policy every_1d12h: image older than that)
                """, images(p, engine, UpPlanOptions.defaults()));
        assertEquals(Duration.ofMinutes(90), PullPolicies.refreshInterval("every_1h30m"));
        assertEquals(Duration.ofDays(14), PullPolicies.refreshInterval("every_2w"));
        assertNull(PullPolicies.refreshInterval("every_"));
        assertNull(PullPolicies.refreshInterval("every_soon"));
        assertNull(PullPolicies.refreshInterval("missing"));
    }

    @Test
    void aPullPolicyTheSchemaAcceptsButUpCannotFollowIsRefusedAtItsLine() {
        Project p = load("""
                services:
                  web:
                    image: "w:1"
                    pull_policy: every_1x
                """);
        PlanException e = assertThrows(PlanException.class, () -> images(p,
                new InMemoryEngine().withImage("w:1"), UpPlanOptions.defaults()));
        assertEquals(dir.resolve("compose.yaml") + ":4:5: services.web.pull_policy: every_1x is "
                + "not a pull policy (use always, never, missing, build, daily, weekly or "
                + "every_<duration>)", e.getMessage());
    }

    @Test
    void noBuildRefusesMissingImagesAndBuildAndNoBuildExcludeEachOther() {
        Project p = load("""
                services:
                  app: {build: .}
                """);
        PlanException e = assertThrows(PlanException.class, () -> images(p, new InMemoryEngine(),
                up(null, false, true)));
        assertEquals("service app needs image demo-app, which is not present locally, and "
                + "--no-build was given; build it first (jcompose build app)", e.getMessage());
        assertEquals("nothing to do\n", images(p, new InMemoryEngine().withImage("demo-app"),
                up(null, false, true)));
        PlanException both = assertThrows(PlanException.class, () -> images(p,
                new InMemoryEngine(), up(null, true, true)));
        assertEquals("--build and --no-build cannot be used together", both.getMessage());
    }

    @Test
    void imagesPulledOrBuiltByThisRunAreNotAskedForAgain() {
        Project p = load("""
                services:
                  app: {build: .}
                  db: {image: "db:1", pull_policy: always}
                """);
        InMemoryEngine engine = new InMemoryEngine().withImage("demo-app").withImage("db:1");
        Plan after = Reconciler.planUpAfterImages(p, ObservedState.observe(engine, p),
                up(null, true, false));
        assertTrue(after.actions(Action.PullImage.class).isEmpty()
                && after.actions(Action.BuildImage.class).isEmpty(), after.toString());
    }

    @Test
    void buildsWaitForTheBuildsOfTheirDependencies() {
        Project p = load("""
                services:
                  base: {build: ./base}
                  app: {build: ./app, depends_on: [base]}
                  other: {build: ./other}
                """);
        assertEquals("""
                1. build Image demo-base (image not found locally)
                2. build Image demo-app (image not found locally) after 1
                3. build Image demo-other (image not found locally)
                """, images(p, new InMemoryEngine(), UpPlanOptions.defaults()));
    }

    @Test
    void buildSpecsCarryTagsLabelsArgsAndOptions() {
        Project p = load("""
                services:
                  app:
                    image: "registry.example.com/app:2"
                    build:
                      context: ./src
                      dockerfile: Dockerfile.dev
                      args: {A: "1", B: "2"}
                      labels: {team: core}
                      tags: ["app:extra"]
                      target: prod
                      no_cache: true
                      platforms: [linux/amd64]
                  plain: {image: "x:1"}
                """);
        Plan plan = ImagePlanner.planBuild(p, new ImagePlanner.BuildOptions(List.of(), false,
                true, Map.of("B", "override", "C", "3")));
        assertEquals("1. build Image registry.example.com/app:2 (build)\n", plan.toString());
        BuildSpec spec = plan.actions(Action.BuildImage.class).get(0).spec();
        assertEquals(dir.resolve("src"), spec.context());
        assertEquals("Dockerfile.dev", spec.dockerfile());
        assertEquals(List.of("registry.example.com/app:2", "app:extra"), spec.tags());
        assertEquals(Map.of("A", "1", "B", "override", "C", "3"), spec.args());
        assertEquals("core", spec.labels().get("team"));
        assertEquals("demo", spec.labels().get(Labels.PROJECT));
        assertEquals("app", spec.labels().get(Labels.SERVICE));
        assertEquals("prod", spec.target());
        assertTrue(spec.noCache());
        assertTrue(spec.pull());
        assertEquals("linux/amd64", spec.platform());

        Project two = load("""
                services:
                  app: {build: {context: ., platforms: [linux/amd64, linux/arm64]}}
                """);
        PlanException e = assertThrows(PlanException.class,
                () -> ImagePlanner.planBuild(two, ImagePlanner.BuildOptions.defaults()));
        assertTrue(e.getMessage().startsWith("service app: build.platforms lists 2 platforms"),
                e.getMessage());
        assertThrows(PlanException.class, () -> ImagePlanner.planBuild(p,
                new ImagePlanner.BuildOptions(List.of("nope"), false, false, Map.of())));
    }

    @Test
    void buildKitOnlyOptionsAreWarnedAboutAndRemoteContextsRefused() {
        Project p = load("""
                services:
                  app:
                    build:
                      context: .
                      ssh: [default]
                      cache_to: ["type=local,dest=/tmp/c"]
                """);
        Plan plan = ImagePlanner.planBuild(p, ImagePlanner.BuildOptions.defaults());
        assertEquals(List.of("service app: build.ssh, build.cache_to need BuildKit; the engine's "
                + "classic builder, which jcompose drives, ignores them"), plan.warnings());
        Project remote = load("""
                services:
                  app: {build: "https://github.com/example/app.git#main"}
                """);
        PlanException e = assertThrows(PlanException.class, () -> images(remote,
                new InMemoryEngine(), UpPlanOptions.defaults()));
        assertTrue(e.getMessage().startsWith("service app: build.context https://github.com/"
                + "example/app.git#main is a remote context"), e.getMessage());
    }

    @Test
    void pullFollowsComposeRules() {
        Project p = load("""
                services:
                  built: {build: .}
                  buildable: {image: "b:1", build: .}
                  never: {image: "n:1", pull_policy: never}
                  present: {image: "p:1", pull_policy: missing}
                  latest: {image: "l", pull_policy: missing}
                  plain: {image: "x:1", depends_on: [dep]}
                  dep: {image: "dep:1"}
                """);
        InMemoryEngine engine = new InMemoryEngine().withImage("p:1").withImage("l");
        ObservedState observed = ObservedState.observe(engine, p);
        assertEquals("""
                1. pull Image b:1 (image not found locally; may fail)
                2. pull Image l (pull policy missing)
                3. pull Image x:1 (image not found locally)
                4. pull Image dep:1 (image not found locally)
                """, ImagePlanner.planPull(p, observed, ImagePlanner.PullOptions.defaults())
                .toString());
        assertEquals("1. pull Image x:1 (image not found locally)\n", ImagePlanner.planPull(p,
                observed, new ImagePlanner.PullOptions(List.of("plain"), false, false, false))
                .toString());
        assertEquals("""
                1. pull Image x:1 (image not found locally; may fail)
                2. pull Image dep:1 (image not found locally; may fail)
                """, ImagePlanner.planPull(p, observed, new ImagePlanner.PullOptions(
                List.of("plain"), true, true, false)).toString());
        assertFalse(ImagePlanner.planPull(p, observed, new ImagePlanner.PullOptions(List.of(),
                false, false, true)).toString().contains("b:1"));
    }

    @Test
    void pushPushesTheImageAndTagsOfServicesThatBuildANamedImage() throws Exception {
        Project p = load("""
                services:
                  app: {image: "reg:5000/app:1", build: {context: ., tags: ["reg:5000/app:latest"]}}
                  other: {image: "reg:5000/app:1", build: .}
                  local: {build: .}
                  pulled: {image: "redis:7"}
                """);
        Plan plan = ImagePlanner.planPush(p, new ImagePlanner.PushOptions(List.of(), false));
        assertEquals("""
                1. push Image reg:5000/app:1 (push)
                2. push Image reg:5000/app:latest (push) after 1
                """, plan.toString());
        assertEquals("reg:5000/app", ImagePlanner.repositoryOf("reg:5000/app:latest"));
        assertEquals("reg:5000/app", ImagePlanner.repositoryOf("reg:5000/app"));
        assertEquals("app", ImagePlanner.repositoryOf("app@sha256:abc"));
        InMemoryEngine engine = new InMemoryEngine().withImage("reg:5000/app:1");
        Executor.ExecutionException e = assertThrows(Executor.ExecutionException.class,
                () -> run(plan, engine, new CopyOnWriteArrayList<>()));
        assertEquals("Image reg:5000/app:latest: service app: An image does not exist locally "
                + "with the tag: reg:5000/app:latest", e.getMessage());
        assertTrue(engine.inRegistry("reg:5000/app:1"));
        run(ImagePlanner.planPush(p, new ImagePlanner.PushOptions(List.of(), true)), engine,
                new CopyOnWriteArrayList<>());
    }

    @Test
    void aFailingBuildCreatesNoContainer() {
        Project p = load("""
                services:
                  app: {build: ., depends_on: [db]}
                  db: {image: "db:1"}
                """);
        InMemoryEngine engine = new InMemoryEngine().withImage("db:1")
                .withFailingBuild("demo-app");
        Plan plan = Reconciler.planUp(p, ObservedState.observe(engine, p),
                UpPlanOptions.defaults());
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        Executor.ExecutionException e = assertThrows(Executor.ExecutionException.class,
                () -> run(plan, engine, events));
        assertTrue(e.getMessage().startsWith("Image demo-app: service app: building demo-app "
                + "failed at Step 2/2 : RUN exit 3: exit code 3"), e.getMessage());
        assertTrue(e.failures().get(0).reason().contains("exit code 3"));
        assertTrue(engine.containers().isEmpty());
        assertTrue(engine.calls().stream().noneMatch(c -> c.startsWith("create")),
                engine.calls().toString());
        assertTrue(events.stream().anyMatch(ev -> "Step 1/2 : FROM scratch".equals(ev.detail())),
                "build steps are progress events");
    }

    @Test
    void pullProgressIsReportedPerLayerUnderItsImage() throws Exception {
        Project p = load("""
                services:
                  a: {image: "x:1"}
                """);
        InMemoryEngine engine = new InMemoryEngine().withRegistryImage("x:1");
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        run(ImagePlanner.planUp(p, ObservedState.observe(engine, p), UpPlanOptions.defaults()),
                engine, events);
        assertTrue(events.contains(new ProgressEvent("layer1", ProgressEvent.Status.WORKING,
                "Downloading", "", 1, 2, "Image x:1")), events.toString());
        assertTrue(events.contains(ProgressEvent.done("Image x:1", "Pulled")), events.toString());
    }

    @Test
    void downRemovesLocalOrAllImages() {
        Project p = load("""
                services:
                  app: {build: .}
                  named: {image: "named:1", build: .}
                  db: {image: "db:1"}
                """);
        Map<String, String> labels = Map.of(Labels.PROJECT, "demo");
        List<ImageSummary> images = List.of(
                new ImageSummary("sha256:1", List.of("demo-app:latest"), Map.of(Labels.PROJECT,
                        "demo", Labels.SERVICE, "app"), null, null),
                new ImageSummary("sha256:2", List.of("named:1"), Map.of(Labels.PROJECT, "demo",
                        Labels.SERVICE, "named"), null, null),
                new ImageSummary("sha256:3", List.of("db:1"), Map.of(), null, null),
                new ImageSummary("sha256:4", List.of("demo-gone:latest"), Map.of(Labels.PROJECT,
                        "demo", Labels.SERVICE, "gone"), null, null));
        assertEquals(List.of("demo-app:latest"),
                ImageRemoval.imagesToRemove("demo", p, images, "local", false));
        assertEquals(List.of("demo-app:latest", "named:1", "db:1"),
                ImageRemoval.imagesToRemove("demo", p, images, "all", false));
        assertEquals(List.of("demo-app:latest", "named:1", "demo-gone:latest"),
                ImageRemoval.imagesToRemove("demo", p, images, "local", true));
        assertEquals(List.of("demo-app:latest", "named:1", "demo-gone:latest"),
                ImageRemoval.imagesToRemove("demo", null, images, "local", false));
        assertEquals(List.of(), ImageRemoval.imagesToRemove("demo", p, images, null, false));
        assertThrows(PlanException.class,
                () -> ImageRemoval.imagesToRemove("demo", p, images, "some", false));
        Plan down = DownPlanner.planDown("demo", p, new DownPlanner.Existing(List.of(),
                List.of(), List.of(), images), new DownPlanOptions(false, false, null, "local"));
        assertEquals("1. remove Image demo-app:latest (down --rmi local)\n", down.toString());
        assertFalse(labels.isEmpty());
    }

    @Test
    void theFakeEngineBuildsWithLabelsSoDownCanFindTheImages() throws Exception {
        Project p = load("""
                services:
                  app: {build: .}
                """);
        InMemoryEngine engine = new InMemoryEngine();
        run(Reconciler.planUp(p, ObservedState.observe(engine, p), UpPlanOptions.defaults()),
                engine, new CopyOnWriteArrayList<>());
        List<ImageSummary> labelled = engine.listImages(Map.of(Labels.PROJECT, "demo"));
        assertEquals(List.of("demo-app:latest"), labelled.get(0).tags());
        assertThrows(EngineException.NotFound.class, () -> engine.removeImage("nothing"));
    }
}
