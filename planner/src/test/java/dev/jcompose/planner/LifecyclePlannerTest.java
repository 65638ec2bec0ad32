package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.fake.TestProjects;
import dev.jcompose.planner.plan.Plan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden plans for start, stop, restart, kill, pause, unpause and rm. */
class LifecyclePlannerTest {

    @TempDir
    Path dir;

    private Project project() {
        return TestProjects.load(dir, "shop", """
                services:
                  db:
                    image: base
                  api:
                    image: base
                    depends_on: [db]
                  web:
                    image: base
                    depends_on: [api]
                    stop_grace_period: 3s
                """);
    }

    private static ContainerSummary c(String service, String state, String dependsOn) {
        Map<String, String> labels = new HashMap<>(Map.of(Labels.PROJECT, "shop",
                Labels.SERVICE, service, Labels.ONEOFF, "False"));
        if (dependsOn != null) {
            labels.put(Labels.DEPENDS_ON, dependsOn);
        }
        return new ContainerSummary("id-" + service, "shop-" + service + "-1", "base", "sha",
                state, null, "exited".equals(state) ? 0 : null, labels, List.of(), 0);
    }

    private final List<ContainerSummary> running = List.of(c("db", "running", null),
            c("api", "running", "db:service_started:false"),
            c("web", "running", "api:service_started:false"));

    @Test
    void stopsDependentsFirstWithEachServicesGracePeriod() {
        Plan plan = LifecyclePlanner.planStop(project(), running, null);
        assertEquals("""
                1. stop Container shop-web-1 (stop)
                2. stop Container shop-api-1 (stop) after 1
                3. stop Container shop-db-1 (stop) after 2
                """, plan.toString());
        assertEquals(Duration.ofSeconds(3), ((dev.jcompose.planner.plan.Action.StopContainer)
                plan.steps().get(0).action()).timeout());
    }

    @Test
    void startsDependenciesFirstAndOnlyWhatIsNotRunning() {
        List<ContainerSummary> mixed = List.of(c("db", "running", null),
                c("api", "exited", "db:service_started:false"),
                c("web", "created", "api:service_started:false"));
        assertEquals("""
                1. start Container shop-api-1 (start)
                2. start Container shop-web-1 (start) after 1
                """, LifecyclePlanner.planStart(project(), mixed).toString());
    }

    @Test
    void startRunsPreStartHooksOfContainersThatNeverStarted() {
        Project p = TestProjects.load(dir, "shop", """
                services:
                  db:
                    image: base
                    pre_start:
                      - command: ["migrate"]
                  api:
                    image: base
                    depends_on: [db]
                    pre_start:
                      - command: ["seed"]
                """);
        List<ContainerSummary> created = List.of(c("db", "created", null),
                c("api", "exited", "db:service_started:false"));
        assertEquals("""
                1. run pre_start hooks [0] Container shop-db-1 \
                (first start of the service's containers)
                2. start Container shop-db-1 (start) after 1
                3. start Container shop-api-1 (start) after 2
                """, LifecyclePlanner.planStart(p, created).toString(),
                "api has started before: its hooks ran then");
    }

    @Test
    void ordersFromLabelsWhenThereIsNoModel() {
        assertEquals("""
                1. stop Container shop-web-1 (stop)
                2. stop Container shop-api-1 (stop) after 1
                3. stop Container shop-db-1 (stop) after 2
                """, LifecyclePlanner.planStop(null, running, null).toString());
    }

    @Test
    void restartStopsEverythingThenStartsInDependencyOrder() {
        List<ContainerSummary> selected = LifecyclePlanner.select(project(), running,
                List.of("db", "api"));
        assertEquals("""
                1. stop Container shop-api-1 (restart)
                2. stop Container shop-db-1 (restart) after 1
                3. start Container shop-db-1 (restart) after 1,2
                4. start Container shop-api-1 (restart) after 1,2,3
                """, LifecyclePlanner.planRestart(project(), selected, null).toString());
    }

    @Test
    void killPauseAndUnpauseActOnWhatIsInTheRightState() {
        List<ContainerSummary> mixed = List.of(c("db", "running", null),
                c("api", "paused", null), c("web", "exited", null));
        assertEquals("""
                1. kill -s SIGTERM Container shop-db-1 (kill)
                2. kill -s SIGTERM Container shop-api-1 (kill)
                """, LifecyclePlanner.planKill(mixed, "SIGTERM").toString());
        assertEquals("1. pause Container shop-db-1 (pause)\n", LifecyclePlanner.planPause(
                List.of(mixed.get(0), mixed.get(2))).toString());
        // pausing a paused container is an error, as the engine and docker compose have it
        PlanException paused = assertThrows(PlanException.class,
                () -> LifecyclePlanner.planPause(mixed));
        assertEquals("container shop-api-1 is already paused", paused.getMessage());
        assertEquals("1. unpause Container shop-api-1 (unpause)\n",
                LifecyclePlanner.planUnpause(mixed).toString());
    }

    @Test
    void rmLeavesRunningContainersWithAWarningUnlessStopFirst() {
        List<ContainerSummary> mixed = List.of(c("db", "running", null),
                c("api", "exited", "db:service_started:false"));
        Plan plain = LifecyclePlanner.planRemove(project(), mixed, false, false, null);
        assertEquals("1. remove Container shop-api-1 (rm)\n", plain.toString());
        assertTrue(plain.warnings().get(0).contains("shop-db-1"), plain.warnings().toString());
        Plan stopping = LifecyclePlanner.planRemove(project(), mixed, true, true, null);
        assertEquals("""
                1. stop Container shop-db-1 (rm --stop)
                2. remove Container shop-db-1 (rm) after 1
                3. remove Container shop-api-1 (rm)
                """, stopping.toString());
        assertTrue(stopping.warnings().isEmpty());
    }

    @Test
    void unknownServicesAreRefusedWithTheKnownOnes() {
        PlanException e = assertThrows(PlanException.class,
                () -> LifecyclePlanner.select(project(), running, List.of("cache")));
        assertEquals("no such service: cache (services: db, api, web)", e.getMessage());
        assertEquals(1, LifecyclePlanner.select(project(), running, List.of("web")).size());
    }
}
