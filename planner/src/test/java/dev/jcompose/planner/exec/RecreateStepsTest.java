package dev.jcompose.planner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.planner.ObservedState;
import dev.jcompose.planner.Reconciler;
import dev.jcompose.planner.UpPlanOptions;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.fake.InMemoryEngine;
import dev.jcompose.planner.fake.TestProjects;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recreate is the plan's own steps (create under a temporary name, stop, remove, rename): the
 * old container is stopped by the stop step, so its pre_stop hooks run and the stop is paced
 * like any other, and the progress reads as docker compose's ("Recreate", "Recreated").
 */
class RecreateStepsTest {

    @TempDir
    Path dir;

    private static final String WEB = """
            services:
              web:
                image: web:1
                pre_stop:
                  - command: ["echo", "bye"]
            """;

    private static Plan up(Project p, InMemoryEngine engine) {
        return Reconciler.planUp(p, ObservedState.observe(engine, p), UpPlanOptions.defaults());
    }

    @Test
    void aRecreateRunsThePreStopHookInTheOldContainerBeforeStoppingIt() throws Exception {
        InMemoryEngine engine = new InMemoryEngine().withImage("web:1").withImage("web:2");
        new Executor(engine, "demo", ProgressListener.NONE, 8, null)
                .execute(up(TestProjects.load(dir, "demo", WEB), engine));
        String oldId = engine.inspectContainer("demo-web-1").orElseThrow().id();

        Plan recreate = up(TestProjects.load(dir, "demo", WEB.replace("web:1", "web:2")), engine);
        List<String> hookLines = Collections.synchronizedList(new ArrayList<>());
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        int before = engine.calls().size();
        new Executor(engine, "demo", e -> progress.add(e.resource() + " " + e.text()), 8, null,
                (service, container, stderr, text) -> hookLines.add(container + ": " + text))
                .execute(recreate);

        String temporary = oldId.substring(0, 12) + "_demo-web-1";
        assertEquals(List.of(
                "create container " + temporary,
                "exec in demo-web-1: echo bye",
                "stop container demo-web-1",
                "remove container demo-web-1",
                "rename container " + temporary + " demo-web-1",
                "start container demo-web-1"),
                engine.calls().subList(before, engine.calls().size()).stream()
                        .filter(c -> !c.startsWith("image id")).toList());
        assertEquals(List.of("demo-web-1: bye"), hookLines);
        ContainerSummary now = engine.inspectContainer("demo-web-1").orElseThrow();
        assertFalse(now.id().equals(oldId), "a new container");
        assertEquals("web:2", engine.container("demo-web-1").spec().image());
        assertEquals(List.of("Container demo-web-1 Recreate", "Container demo-web-1 Recreated",
                "Container demo-web-1 Starting", "Container demo-web-1 Started"), progress,
                "the old container's stop and removal are part of the recreate");
    }

    @Test
    void aFailingPreStopHookFailsTheRecreateAsItFailsAStop() throws Exception {
        InMemoryEngine engine = new InMemoryEngine().withImage("web:1").withImage("web:2");
        String failing = WEB.replace("[\"echo\", \"bye\"]", "[\"sh\", \"-c\", \"exit 3\"]");
        new Executor(engine, "demo", ProgressListener.NONE, 8, null)
                .execute(up(TestProjects.load(dir, "demo", failing), engine));

        Plan recreate = up(TestProjects.load(dir, "demo", failing.replace("web:1", "web:2")),
                engine);
        List<ProgressEvent> errors = Collections.synchronizedList(new ArrayList<>());
        Executor.ExecutionException e = assertThrows(Executor.ExecutionException.class,
                () -> new Executor(engine, "demo", ev -> {
                    if (ev.status() == ProgressEvent.Status.ERROR) {
                        errors.add(ev);
                    }
                }, 8, null).execute(recreate));
        assertTrue(e.getMessage().contains("pre_stop: web hook exited with status 3 in "
                + "demo-web-1"), e.getMessage());
        assertFalse(errors.isEmpty(), "the stop's error is reported");
        assertTrue(errors.stream().allMatch(ev -> ev.resource().equals("Container demo-web-1")
                && ev.detail().startsWith("pre_stop: web hook exited")), errors.toString());
        assertTrue(engine.inspectContainer("demo-web-1").isPresent(),
                "the old container is not removed when its stop failed");
    }

    @Test
    void recreatesArePacedLikeStops() throws Exception {
        // more stops than go unpaced: two a slot, a slot per core (at least two)
        int paced = StopPacer.UNPACED_PER_SLOT
                * Math.max(2, Runtime.getRuntime().availableProcessors()) + 1;
        StringBuilder yaml = new StringBuilder("services:\n");
        for (int i = 1; i <= paced; i++) {
            yaml.append("  s").append(i).append(": {image: app:1}\n");
        }
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1").withImage("app:2");
        Project first = TestProjects.load(dir, "demo", yaml.toString());
        new Executor(engine, "demo", ProgressListener.NONE, 8, null).execute(up(first, engine));
        assertFalse(engine.calls().contains("events"), "an up without stops is not paced");

        Project changed = TestProjects.load(dir, "demo",
                yaml.toString().replace("app:1", "app:2"));
        Plan recreate = up(changed, engine);
        assertEquals(paced, recreate.actions(Action.StopContainer.class).size(),
                recreate.toString());
        new Executor(engine, "demo", ProgressListener.NONE, 8, null).execute(recreate);
        assertTrue(engine.calls().contains("events"),
                "more recreates than go unpaced: the pacer listens for the old containers' exits");
        assertEquals(paced, engine.listContainers(java.util.Map.of(), false).size());
        assertTrue(engine.listContainers(java.util.Map.of(), true).stream()
                .allMatch(c -> "app:2".equals(c.image())), "every container replaced");
    }
}
