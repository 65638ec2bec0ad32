package dev.jcompose.swarm.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.runtime.DockerApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Services and tasks as the Engine API returns them (only the fields that matter), and the state
 * each gives. Tasks are written {@code slot:state[/desired][@node][!err][#exit]}.
 */
class ConvergenceTest {

    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:10Z");
    private static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");
    private static final Set<String> NODES = Set.of("n1", "n2", "n3");

    @ParameterizedTest(name = "[{index}] {0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # mode                                         | update | tasks                                   | phase     | text
            {"Replicated":{"Replicas":3}}                  | ''     | ''                                       | WORKING   | Running 0/3
            {"Replicated":{"Replicas":3}}                  | ''     | 1:running 2:running 3:starting           | WORKING   | Running 2/3
            {"Replicated":{"Replicas":3}}                  | ''     | 1:running 2:running 3:running            | CONVERGED | Running 3/3
            {"Replicated":{"Replicas":0}}                  | ''     | ''                                       | CONVERGED | Running 0/0
            {"Replicated":{"Replicas":2}}                  | ''     | 1:running 1:shutdown/shutdown 2:running   | CONVERGED | Running 2/2
            {"Replicated":{"Replicas":2}}                  | ''     | 1:running@gone 2:running                 | WORKING   | Running 1/2
            {"Replicated":{"Replicas":1}}                  | updating | 1:running                              | WORKING   | Updating
            {"Replicated":{"Replicas":1}}                  | rollback_started | 1:running                      | WORKING   | Rolling back
            {"Replicated":{"Replicas":1}}                  | rollback_completed | 1:running                    | FAILED    | Rolled back
            {"Replicated":{"Replicas":1}}                  | paused | 1:running                                | FAILED    | Update paused
            {"Replicated":{"Replicas":1}}                  | completed | 1:running                             | CONVERGED | Running 1/1
            {"Global":{}}                                  | ''     | ''                                       | WORKING   | Running 0/0
            {"Global":{}}                                  | ''     | 0:running@n1 0:preparing@n2              | WORKING   | Running 1/2
            {"Global":{}}                                  | ''     | 0:running@n1 0:running@n2 0:running@n3   | CONVERGED | Running 3/3
            {"ReplicatedJob":{"TotalCompletions":2}}       | ''     | 1:complete/complete 2:running/complete   | WORKING   | Completed 1/2
            {"ReplicatedJob":{"TotalCompletions":2}}       | ''     | 1:complete/complete 2:complete/complete  | CONVERGED | Completed 2/2
            {"GlobalJob":{}}                               | ''     | 0:complete/complete@n1 0:complete/complete@n2 | CONVERGED | Completed 2/2
            {"GlobalJob":{}}                               | ''     | 0:complete/complete@n1 0:starting/complete@n2 | WORKING | Completed 1/2
            """)
    void statesFromModeUpdateAndTasks(String mode, String update, String tasks, String phase,
            String text) throws Exception {
        ServiceState st = Convergence.of(service(mode, update, null, "{}"), tasks(tasks), NODES,
                true, SINCE, NOW);
        assertEquals(phase + " " + text, st.phase() + " " + st.text());
    }

    @Test
    void aRollbackOfAnEarlierDeployDoesNotFailAServiceThisDeployLeftAlone() throws Exception {
        ServiceState st = Convergence.of(service("{\"Replicated\":{\"Replicas\":1}}",
                "rollback_completed", null, "{}"), tasks("1:running"), NODES, false, SINCE, NOW);
        assertEquals(ServiceState.Phase.CONVERGED, st.phase());
    }

    @Test
    void aRolledBackUpdateSaysWhy() throws Exception {
        JsonNode service = DockerApi.json().readTree("""
                {"Spec":{"Mode":{"Replicated":{"Replicas":1}}},
                 "UpdateStatus":{"State":"rollback_completed","Message":"rollback completed"}}""");
        assertEquals("the update failed and was rolled back: rollback completed",
                Convergence.of(service, tasks("1:running"), NODES, true, SINCE, NOW).detail());
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # restart policy             | tasks                                                   | phase     | detail
            {}                           | 1:failed/shutdown!boom#1 1:starting                     | WORKING   | a task is starting
            {}                           | 1:failed/shutdown!boom#1 1:failed/shutdown!boom#1 1:starting | FAILED | failed: boom (exit code 1) (2 tasks failed)
            {"Condition":"none"}         | 1:failed/shutdown!boom#3                                | FAILED    | failed: boom (exit code 3)
            {}                           | 1:rejected/shutdown!No such image 1:rejected/shutdown!No such image | FAILED | rejected: No such image (2 tasks failed)
            {"Condition":"none"}         | 1:failed/shutdown!task: non-zero exit (5)#5             | FAILED    | failed: non-zero exit (5)
            {}                           | 1:old-failed/shutdown!boom#1 1:old-failed/shutdown!boom#1 1:running | CONVERGED | ''
            """)
    void tasksFailingSinceTheDeployBeganFailTheService(String policy, String tasks, String phase,
            String detail) throws Exception {
        ServiceState st = Convergence.of(service("{\"Replicated\":{\"Replicas\":1}}", "", policy,
                "{}"), tasks(tasks), NODES, true, SINCE, NOW);
        assertEquals(phase + " " + detail, st.phase() + " " + st.detail());
    }

    @Test
    void aOneShotServiceThatExitedConvergesWhenNothingRestartsIt() throws Exception {
        String mode = "{\"Replicated\":{\"Replicas\":1}}";
        assertEquals("CONVERGED Completed 1/1", describe(Convergence.of(service(mode, "",
                "{\"Condition\":\"none\"}", "{}"), tasks("1:complete"), NODES, true, SINCE, NOW)));
        assertEquals("WORKING Running 0/1", describe(Convergence.of(service(mode, "", "{}",
                "{}"), tasks("1:complete/shutdown"), NODES, true, SINCE, NOW)));
    }

    @Test
    void aTaskCountsOnceItHasBeenRunningForAMoment() throws Exception {
        JsonNode service = service("{\"Replicated\":{\"Replicas\":1}}", "", null, "{}");
        List<JsonNode> justStarted = tasks("1:running");
        assertEquals("WORKING Running 0/1", describe(Convergence.of(service, justStarted, NODES,
                true, SINCE, Instant.parse("2026-01-01T00:00:21Z"))));
        assertEquals("CONVERGED Running 1/1", describe(Convergence.of(service, justStarted,
                NODES, true, SINCE, Instant.parse("2026-01-01T00:00:22Z"))));
    }

    private static String describe(ServiceState st) {
        return st.phase() + " " + st.text();
    }

    private static JsonNode service(String mode, String update, String restart, String extra)
            throws Exception {
        return DockerApi.json().readTree("{\"Spec\":{\"Mode\":" + mode
                + ",\"TaskTemplate\":{\"RestartPolicy\":" + (restart == null ? "{}" : restart)
                + "}}" + (update.isEmpty() ? "" : ",\"UpdateStatus\":{\"State\":\"" + update
                        + "\"}") + ",\"JobStatus\":{\"JobIteration\":{\"Index\":7}}}");
    }

    /** {@code slot:state[/desired][@node][!err][#exit]}, space separated. */
    private static List<JsonNode> tasks(String spec) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String t : spec.isBlank() ? new String[0] : spec.trim().split(" (?=\\d+:)")) {
            String rest = t;
            String exit = cut(rest, '#');
            rest = before(rest, '#');
            String err = cut(rest, '!');
            rest = before(rest, '!');
            String node = cut(rest, '@');
            rest = before(rest, '@');
            String desired = cut(rest, '/');
            rest = before(rest, '/');
            String[] slotState = rest.split(":");
            String state = slotState[1];
            boolean old = state.startsWith("old-");
            state = state.replace("old-", "");
            out.add(DockerApi.json().readTree("""
                    {"Slot":%s,"NodeID":"%s","DesiredState":"%s","JobIteration":{"Index":7},
                     "Status":{"State":"%s","Err":"%s","Timestamp":"%s",
                       "ContainerStatus":{"ExitCode":%s}}}""".formatted(slotState[0],
                    node == null ? "n1" : node, desired == null ? "running" : desired, state,
                    err == null ? "" : err, old ? "2026-01-01T00:00:01Z" : "2026-01-01T00:00:20Z",
                    exit == null ? "0" : exit)));
        }
        return out;
    }

    private static String cut(String s, char mark) {
        int i = s.indexOf(mark);
        if (i < 0) {
            return null;
        }
        int end = s.length();
        for (char m : new char[] {'/', '@', '!', '#'}) {
            int j = s.indexOf(m, i + 1);
            if (j > 0 && j < end && m != mark) {
                end = j;
            }
        }
        return s.substring(i + 1, end);
    }

    private static String before(String s, char mark) {
        int i = s.indexOf(mark);
        if (i < 0) {
            return s;
        }
        String tail = s.substring(i + 1);
        int end = tail.length();
        for (char m : new char[] {'/', '@', '!', '#'}) {
            int j = tail.indexOf(m);
            if (j >= 0 && j < end) {
                end = j;
            }
        }
        return s.substring(0, i) + tail.substring(end);
    }
}
