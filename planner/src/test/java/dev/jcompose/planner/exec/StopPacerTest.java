package dev.jcompose.planner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.ObservedState;
import dev.jcompose.planner.Reconciler;
import dev.jcompose.planner.UpPlanOptions;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Subscription;
import dev.jcompose.planner.fake.TestProjects;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.progress.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import dev.jcompose.planner.fake.InMemoryEngine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stops paced by the containers' exits, and the pacer standing aside for slow ones. */
class StopPacerTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    /** A stop taken on a thread of its own; completes when the pacer lets it go. */
    private static CompletableFuture<Void> stopLater(StopPacer pacer, String id, int priority) {
        return CompletableFuture.runAsync(() -> {
            try {
                pacer.beforeStop(id, priority);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, task -> Thread.ofPlatform().daemon().start(task));
    }

    /** Polls until {@code condition} holds, for at most 10 s; then asserts it. */
    private static void eventually(BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static void awaitWaiting(StopPacer pacer, int stops) throws InterruptedException {
        eventually(() -> pacer.waitingStops() >= stops, stops + " stops waiting");
        assertEquals(stops, pacer.waitingStops());
    }

    private static StopPacer listening(StopPacer pacer) {
        pacer.listening(new Subscription() {
            @Override
            public void awaitCompletion() {
            }

            @Override
            public void close() {
            }
        });
        return pacer;
    }

    @Test
    void aStopWaitsUntilASignalledContainerExits() throws Exception {
        try (StopPacer pacer = listening(new StopPacer(2, LONG, LONG))) {
            pacer.beforeStop("a", 1);
            pacer.beforeStop("b", 1);
            CompletableFuture<Void> c = stopLater(pacer, "c", 1);
            assertThrows(TimeoutException.class, () -> c.get(200, TimeUnit.MILLISECONDS));
            pacer.exited("a");
            c.get(10, TimeUnit.SECONDS);
            assertTrue(pacer.pacing());
        }
    }

    @Test
    void aSlotIsFreedAfterAWhileWithoutAnExit() throws Exception {
        try (StopPacer pacer = listening(new StopPacer(1, Duration.ofMillis(50), LONG))) {
            pacer.beforeStop("a", 1);
            long start = System.nanoTime();
            pacer.beforeStop("b", 1);
            long waited = System.nanoTime() - start;
            assertTrue(waited >= Duration.ofMillis(40).toNanos(), waited + " ns");
            assertTrue(pacer.pacing(), "one slow container is not enough to stop pacing");
        }
    }

    @Test
    void containersSlowToExitMakeThePacerStandAside() throws Exception {
        try (StopPacer pacer = listening(new StopPacer(1, Duration.ofMillis(10),
                Duration.ofMillis(30)))) {
            pacer.beforeStop("a", 1);
            pacer.beforeStop("b", 1);
            Thread.sleep(60);
            assertFalse(pacer.pacing());
            // none of these has exited, yet every later stop goes at once
            CompletableFuture.allOf(stopLater(pacer, "c", 1), stopLater(pacer, "d", 1),
                    stopLater(pacer, "e", 1)).get(200, TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void stopsSentBeforeTheEventsWereHeardDoNotCountAsSlow() throws Exception {
        try (StopPacer pacer = new StopPacer(1, Duration.ofMillis(10), Duration.ofMillis(30))) {
            pacer.beforeStop("a", 1);
            pacer.beforeStop("b", 1);
            Thread.sleep(60);
            assertTrue(pacer.pacing(), "their exits could not have been seen");
        }
    }

    @Test
    void theStopWithTheLongestChainBehindItGoesFirst() throws Exception {
        try (StopPacer pacer = listening(new StopPacer(1, LONG, LONG))) {
            pacer.beforeStop("a", 1);
            CompletableFuture<Void> shortChain = stopLater(pacer, "short", 2);
            awaitWaiting(pacer, 1); // waiting first
            CompletableFuture<Void> longChain = stopLater(pacer, "long", 5);
            awaitWaiting(pacer, 2);
            pacer.exited("a");
            longChain.get(10, TimeUnit.SECONDS);
            assertThrows(TimeoutException.class,
                    () -> shortChain.get(200, TimeUnit.MILLISECONDS));
            pacer.exited("long");
            shortChain.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void closingLetsEveryWaitingStopGo() throws Exception {
        StopPacer pacer = listening(new StopPacer(1, LONG, LONG));
        pacer.beforeStop("a", 1);
        CompletableFuture<Void> b = stopLater(pacer, "b", 1);
        assertThrows(TimeoutException.class, () -> b.get(100, TimeUnit.MILLISECONDS));
        pacer.close();
        b.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theEnginesDieEventFreesASlot(@TempDir Path dir) throws Exception {
        StringBuilder yaml = new StringBuilder("services:\n");
        for (int i = 1; i <= 3; i++) {
            yaml.append("  s").append(i).append(":\n    image: app:1\n");
        }
        Project p = TestProjects.load(dir, "demo", yaml.toString());
        InMemoryEngine engine = new InMemoryEngine().withImage("app:1");
        new Executor(engine, "demo", ProgressListener.NONE, 8, null).execute(Reconciler.planUp(p,
                ObservedState.observe(engine, p), UpPlanOptions.defaults()));
        List<String> ids = engine.listContainers(ContainerSpecs.projectLabel("demo"), false)
                .stream().map(ContainerSummary::id).toList();
        assertEquals(3, ids.size());
        try (StopPacer pacer = StopPacer.forStops(engine, ContainerSpecs.projectLabel("demo"), 3,
                2, LONG, LONG)) {
            eventually(pacer::hearsExits, "the pacer hears the engine's events");
            pacer.beforeStop(ids.get(0), 1);
            pacer.beforeStop(ids.get(1), 1);
            CompletableFuture<Void> third = stopLater(pacer, ids.get(2), 1);
            assertThrows(TimeoutException.class, () -> third.get(200, TimeUnit.MILLISECONDS));
            engine.killContainer(ids.get(1), "SIGKILL"); // the engine reports its die
            third.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void eachStepsLongestChainRunsToTheEndOfThePlan() {
        // the plan of a down: web depends on db
        Plan.Builder plan = new Plan.Builder();
        int stopWeb = plan.add(new Action.StopContainer("web", "demo-web-1", "w", null,
                List.of()), "down", List.of());
        int rmWeb = plan.add(new Action.RemoveContainer("web", "demo-web-1", "w", false),
                "down", List.of(stopWeb));
        int stopDb = plan.add(new Action.StopContainer("db", "demo-db-1", "d", null, List.of()),
                "down", List.of(rmWeb));
        int rmDb = plan.add(new Action.RemoveContainer("db", "demo-db-1", "d", false), "down",
                List.of(rmWeb, stopDb));
        int other = plan.add(new Action.StopContainer("x", "demo-x-1", "x", null, List.of()),
                "down", List.of());
        plan.add(new Action.RemoveNetwork("demo_default"), "down", List.of(rmWeb, rmDb));
        assertEquals(Map.of(stopWeb, 5, rmWeb, 4, stopDb, 3, rmDb, 2, other, 1, 6, 1),
                Executor.chains(plan.build()));
    }

    @Test
    void aPlanWithFewStopsIsNotPacedAndAPacerListensToTheProjectsExits() throws Exception {
        InMemoryEngine engine = new InMemoryEngine();
        int slots = Math.max(2, Runtime.getRuntime().availableProcessors());
        // up to two stops a slot go at once: a down of 3 or 4 services on 2 cores
        assertSame(StopPacer.NONE, StopPacer.forStops(engine, Map.of("p", "x"), 2));
        assertSame(StopPacer.NONE, StopPacer.forStops(engine, Map.of("p", "x"),
                (long) StopPacer.UNPACED_PER_SLOT * slots));
        assertFalse(engine.calls().contains("events"));

        try (StopPacer pacer = StopPacer.forStops(engine, Map.of("p", "x"),
                (long) StopPacer.UNPACED_PER_SLOT * slots + 1)) {
            eventually(() -> engine.calls().contains("events"), "an event subscription");
            assertEquals(1, engine.calls().stream().filter("events"::equals).count());
            assertTrue(pacer.pacing());
        }
    }
}
