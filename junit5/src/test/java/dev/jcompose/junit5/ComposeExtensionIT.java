package dev.jcompose.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.jcompose.api.ComposeProject;
import dev.jcompose.api.ContainerInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension's lifecycle, driven through JUnit's EngineTestKit on real stacks: the fixture
 * classes below run as a test run would run them, and each test checks what they left on the
 * engine and on disk.
 */
class ComposeExtensionIT {

    static final String LOGS = "target/jcompose-logs-it";

    /** What the fixtures saw: fixture name to project name or container id. */
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @BeforeEach
    void clear() throws IOException {
        SEEN.clear();
        Path logs = Path.of(LOGS);
        if (Files.exists(logs)) {
            try (var walk = Files.walk(logs)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @AfterEach
    void removeLeftovers() {
        SEEN.values().stream().filter(v -> v.matches("[a-z0-9][a-z0-9_-]*-[0-9a-f]{8}"))
                .distinct().forEach(EngineState::remove);
    }

    // --- fixtures -------------------------------------------------------------------------------

    @ComposeStack(files = "src/test/resources/stacks/sleeper.yaml", logsDirectory = LOGS,
            stopTimeoutSeconds = 1)
    static class FailingTests {
        @Test
        void passes(ComposeProject stack) {
            SEEN.put("failing.project", stack.name());
        }

        @Test
        void fails(ComposeProject stack) {
            SEEN.put("failing.project", stack.name());
            fail("this test fails on purpose");
        }
    }

    @ComposeStack(files = "src/test/resources/stacks/broken.yaml", logsDirectory = LOGS,
            projectName = "broken", stopTimeoutSeconds = 1)
    static class BrokenStack {
        @Test
        void neverRuns() {
            SEEN.put("broken.ran", "yes");
        }
    }

    @ComposeStack(files = "src/test/resources/stacks/sleeper.yaml", key = "shared-it",
            env = "WHO=both classes", stopTimeoutSeconds = 1)
    static class SharedA {
        @Test
        void seesTheStack(ComposeProject stack) {
            record(stack, "a");
        }
    }

    @ComposeStack(files = "src/test/resources/stacks/sleeper.yaml", key = "shared-it",
            env = "WHO=both classes", stopTimeoutSeconds = 1)
    static class SharedB {
        @Test
        void seesTheStack(ComposeProject stack) {
            record(stack, "b");
        }
    }

    @ComposeStack(files = "src/test/resources/stacks/sleeper.yaml", key = "shared-it",
            env = "WHO=someone else")
    static class SharedMismatch {
        @Test
        void neverRuns() {
            SEEN.put("mismatch.ran", "yes");
        }
    }

    static void record(ComposeProject stack, String who) {
        SEEN.put(who + ".project", stack.name());
        List<ContainerInfo> ps = stack.ps("app");
        assertEquals(1, ps.size(), ps.toString());
        SEEN.put(who + ".container", ps.get(0).id());
        SEEN.put(who + ".log", stack.logs("app"));
    }

    // --- tests ----------------------------------------------------------------------------------

    @Test
    void aFailingClassStillTearsDownAndWritesTheLogsOfTheFailingTest() throws IOException {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FailingTests.class))
                .execute().testEvents();
        tests.assertStatistics(s -> s.started(2).succeeded(1).failed(1));

        String project = SEEN.get("failing.project");
        assertNotNull(project);
        assertEquals(List.of(), EngineState.resources(project), "removed after the class");

        Path dir = Path.of(LOGS, FailingTests.class.getName(), "fails");
        String log = Files.readString(dir.resolve(project + "-app-1.log"));
        assertTrue(log.contains("out hello from the sleeper"), log);
        assertTrue(Files.readString(dir.resolve("containers.txt"))
                .contains(project + "-app-1  app  running"));
        assertTrue(Files.notExists(Path.of(LOGS, FailingTests.class.getName(), "passes")),
                "no logs for a passing test");
    }

    @Test
    void aStackThatFailsToStartFailsTheClassWritesLogsAndLeavesNothing() throws IOException {
        Events all = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BrokenStack.class))
                .execute().allEvents();
        assertEquals(null, SEEN.get("broken.ran"), "no test runs on a broken stack");
        Event failed = all.filter(e -> e.getType() == EventType.FINISHED
                && e.getPayload(TestExecutionResult.class)
                        .map(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                        .orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("the class did not fail"));
        Throwable cause = failed.getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertTrue(cause.getMessage().contains("dependency failed to start: container broken")
                && cause.getMessage().contains("-setup-1 exited (3); service setup must complete "
                + "successfully"),
                cause.getMessage());

        Path dir = Path.of(LOGS, BrokenStack.class.getName(), "start");
        List<Path> logs;
        try (var files = Files.list(dir)) {
            logs = files.filter(p -> p.getFileName().toString().endsWith("-setup-1.log"))
                    .toList();
        }
        assertEquals(1, logs.size(), "the setup container's log: " + logs);
        assertTrue(Files.readString(logs.get(0)).contains("setup is about to fail"));
        String project = logs.get(0).getFileName().toString().replace("-setup-1.log", "");
        try {
            assertEquals(List.of(), EngineState.resources(project));
        } finally {
            EngineState.remove(project);
        }
    }

    @Test
    void twoClassesWithOneKeyShareOneStackStartedOnce() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SharedA.class), selectClass(SharedB.class))
                .execute().testEvents();
        tests.assertStatistics(s -> s.started(2).succeeded(2));

        String project = SEEN.get("a.project");
        assertEquals(project, SEEN.get("b.project"), "one project");
        assertEquals(SEEN.get("a.container"), SEEN.get("b.container"), "one container");
        assertTrue(SEEN.get("b.log").startsWith("hello from both classes\n"),
                "started once: one hello in " + SEEN.get("b.log"));
        assertEquals(List.of(), EngineState.resources(project), "removed at the end of the run");
    }

    @Test
    void aClassDescribingAnotherStackUnderTheSameKeyIsRefused() {
        Events all = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SharedA.class), selectClass(SharedMismatch.class))
                .execute().allEvents();
        assertEquals(null, SEEN.get("mismatch.ran"));
        Throwable refused = all.filter(e -> e.getType() == EventType.FINISHED)
                .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow())
                .filter(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                .map(r -> r.getThrowable().orElseThrow())
                .findFirst().orElseThrow(() -> new AssertionError("nothing failed"));
        assertTrue(refused instanceof ExtensionConfigurationException, refused.toString());
        assertTrue(refused.getMessage().contains("describes another stack than the class that "
                + "started it"), refused.getMessage());
        assertEquals(List.of(), EngineState.resources(SEEN.get("a.project")));
    }
}
