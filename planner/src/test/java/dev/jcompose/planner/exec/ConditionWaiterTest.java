package dev.jcompose.planner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.DependsOn;
import dev.jcompose.model.Project;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.ObservedState;
import dev.jcompose.planner.Reconciler;
import dev.jcompose.planner.UpPlanOptions;
import dev.jcompose.planner.engine.HealthSchedule;
import dev.jcompose.planner.fake.InMemoryEngine;
import dev.jcompose.planner.fake.TestProjects;
import dev.jcompose.planner.progress.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A healthcheck the engine never runs (the in-memory engine leaves health "starting" until told
 * otherwise, as an engine restarted with live-restore or Podman without systemd does): the wait
 * ends once the schedule is over, saying why.
 */
class ConditionWaiterTest {

    @Test
    void theScheduleBoundsTheTimeAHealthStaysStarting() {
        HealthSchedule defaults = HealthSchedule.of(null, Duration.ZERO, null, 0);
        assertEquals(new HealthSchedule(Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ZERO, 3), defaults);
        assertEquals(Duration.ofSeconds(240), defaults.resolvesWithin());
        assertEquals(Duration.ofSeconds(64), HealthSchedule.of(Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(50), 1).resolvesWithin());
    }

    @Test
    void aHealthcheckThatNeverRunsFailsTheWaitAfterItsSchedule(@TempDir Path dir)
            throws Exception {
        Project p = TestProjects.load(dir, "demo", """
                services:
                  db:
                    image: app:1
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 100ms
                      timeout: 100ms
                      retries: 1
                """);
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1");
        new Executor(engine, "demo", ProgressListener.NONE, 8, null).execute(Reconciler.planUp(p,
                ObservedState.observe(engine, p), UpPlanOptions.defaults()));
        String name = engine.listContainers(ContainerSpecs.projectLabel("demo"), false).get(0)
                .name();
        assertEquals(Duration.ofMillis(400),
                engine.healthSchedule(name).orElseThrow().resolvesWithin());
        long start = System.nanoTime();
        ConditionWaiter.ConditionFailed e = assertThrows(ConditionWaiter.ConditionFailed.class,
                () -> new ConditionWaiter(engine, Duration.ofMillis(600)).await("db",
                        List.of(name), DependsOn.Condition.HEALTHY, Map.of(), null));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().startsWith("the healthcheck of service db (container " + name
                + ") has given no result in 1s, longer than its schedule allows (start_period "
                + "0s, then 2 runs of interval 0.1s and timeout 0.1s, and 0.6s to spare): the "
                + "engine is not running it."), e.getMessage());
        assertTrue(millis >= 1000 && millis < 15_000, millis + " ms");
    }
}
