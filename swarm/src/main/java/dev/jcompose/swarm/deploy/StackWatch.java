package dev.jcompose.swarm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.swarm.StackException;
import dev.jcompose.swarm.convert.Namespace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a stack converge: polls the swarm (services, their up-to-date tasks, nodes; one
 * snapshot shared by every waiting thread) and reports each service and each of its tasks as
 * progress events, a line only when something changed. Swarm has no events for tasks, so this
 * polls, every {@link #INTERVAL}.
 */
final class StackWatch {

    static final Duration INTERVAL = Duration.ofMillis(250);

    /** What the swarm held at one moment. */
    private record Snapshot(Map<String, JsonNode> services, Map<String, List<JsonNode>> tasks,
            Set<String> activeNodes, Map<String, String> nodeNames, long at) { }

    private final SwarmClient client;
    private final Namespace ns;
    private final ProgressListener progress;
    private final Instant since;
    /** When the deploy began on this machine's clock, to read the engine's clock from it. */
    private final long startedNanos = System.nanoTime();
    private final Map<String, String> shown = new HashMap<>();
    /** Why swarm started rolling a service back, as it said then. */
    private final Map<String, String> rollbackCauses = new HashMap<>();
    private Snapshot last;

    StackWatch(SwarmClient client, Namespace ns, ProgressListener progress, Instant since) {
        this.client = client;
        this.ns = ns;
        this.progress = progress;
        this.since = since;
    }

    /**
     * Waits until every service of {@code services} (scoped name to whether this deploy
     * updated it) has converged or failed, or {@code timeout} (null: none) passed.
     *
     * @return the state each ended in
     */
    Map<String, ServiceState> await(Map<String, Boolean> services, Duration timeout)
            throws InterruptedException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        Map<String, ServiceState> states = new LinkedHashMap<>();
        while (true) {
            Snapshot s = snapshot();
            boolean all = true;
            for (Map.Entry<String, Boolean> e : services.entrySet()) {
                ServiceState st = state(s, e.getKey(), e.getValue());
                states.put(e.getKey(), st);
                all &= st.isDone();
            }
            if (all) {
                return states;
            }
            if (System.nanoTime() > deadline) {
                states.replaceAll((name, st) -> st.isDone() ? st : ServiceState.failed(
                        "Timed out", "not converged within " + timeout.toSeconds() + " s: "
                                + st.text() + (st.detail().isEmpty() ? "" : ", " + st.detail())));
                return states;
            }
            Thread.sleep(INTERVAL.toMillis());
        }
    }

    /** Waits for one service, and fails naming it when it does not converge in time. */
    void require(String service, boolean updatedNow, String forWhom, Duration timeout)
            throws InterruptedException {
        ServiceState st = await(Map.of(service, updatedNow), timeout).get(service);
        if (st.phase() == ServiceState.Phase.FAILED) {
            throw new StackException("service " + forWhom + " was not deployed: it depends on "
                    + service + ", which did not converge: " + st.text()
                    + (st.detail().isEmpty() ? "" : ": " + st.detail()));
        }
    }

    private ServiceState state(Snapshot s, String name, boolean updatedNow) {
        JsonNode service = s.services().get(name);
        ServiceState st;
        if (service == null) {
            st = ServiceState.working("Waiting", "the service is not listed yet");
        } else {
            List<JsonNode> tasks = s.tasks().getOrDefault(service.path("ID").asText(), List.of());
            st = Convergence.of(service, tasks, s.activeNodes(), updatedNow, since,
                    since.plusNanos(System.nanoTime() - startedNanos));
            tasks(name, tasks, s.nodeNames());
            st = withRollbackCause(name, service.path("UpdateStatus"), st);
        }
        show("Service " + name, switch (st.phase()) {
            case WORKING -> ProgressEvent.working("Service " + name, st.text());
            case CONVERGED -> ProgressEvent.done("Service " + name, st.text());
            case FAILED -> ProgressEvent.error("Service " + name, st.text(), st.detail());
        }, st.detail());
        return st;
    }

    /**
     * A rolled back update, with the task whose failure made swarm roll back, when its message
     * names one ({@code update rolled back due to failure or early termination of task ...}).
     */
    private ServiceState withRollbackCause(String name, JsonNode update, ServiceState st) {
        String message = update.path("Message").asText("");
        synchronized (rollbackCauses) {
            if (update.path("State").asText().equals("rollback_started")) {
                rollbackCauses.put(name, message);
            }
            if (st.phase() != ServiceState.Phase.FAILED || !st.text().equals("Rolled back")) {
                return st;
            }
            message = rollbackCauses.getOrDefault(name, message);
        }
        Matcher task = TASK_ID.matcher(message);
        if (!task.find()) {
            return st;
        }
        return client.task(task.group(1)).map(t -> ServiceState.failed(st.text(), "the update "
                + "failed and was rolled back: task " + name + "." + t.path("Slot").asInt()
                + " " + Convergence.describe(t))).orElse(st);
    }

    private static final Pattern TASK_ID = Pattern.compile("task ([a-z0-9]{25})");

    /** A row per task of the current spec that is meant to run (or has just failed). */
    private void tasks(String service, List<JsonNode> tasks, Map<String, String> nodeNames) {
        for (JsonNode t : tasks) {
            String state = t.path("Status").path("State").asText();
            String desired = t.path("DesiredState").asText();
            if (TaskStates.isTerminal(desired) && !TaskStates.isTerminal(state)) {
                continue;
            }
            String slot = t.hasNonNull("Slot") && t.path("Slot").asInt() > 0
                    ? String.valueOf(t.path("Slot").asInt())
                    : nodeNames.getOrDefault(t.path("NodeID").asText(), "?");
            String resource = "Task " + service + "." + slot;
            String node = nodeNames.getOrDefault(t.path("NodeID").asText(), "");
            String text = Character.toUpperCase(state.charAt(0)) + state.substring(1)
                    + (node.isEmpty() ? "" : " on " + node);
            String err = t.path("Status").path("Err").asText("");
            ProgressEvent e = state.equals("failed") || state.equals("rejected")
                    ? ProgressEvent.error(resource, text, err)
                    : state.equals("running") || state.equals("complete")
                            ? ProgressEvent.done(resource, text)
                            : ProgressEvent.working(resource, text);
            show(resource, e, err);
        }
    }

    private synchronized void show(String resource, ProgressEvent e, String detail) {
        String key = e.status() + " " + e.text() + " " + detail;
        if (!key.equals(shown.put(resource, key))) {
            progress.on(detail.isEmpty() || e.status() == ProgressEvent.Status.ERROR ? e
                    : new ProgressEvent(e.resource(), e.status(), e.text(), detail, -1, -1,
                            null));
        }
    }

    private synchronized Snapshot snapshot() {
        long now = System.nanoTime();
        if (last != null && now - last.at() < INTERVAL.toNanos()) {
            return last;
        }
        Map<String, JsonNode> services = new HashMap<>();
        client.services(ns.filter()).forEach(s -> services.put(
                s.path("Spec").path("Name").asText(), s));
        Map<String, List<JsonNode>> tasks = new HashMap<>();
        client.tasks(ns.filter(), true).forEach(t -> tasks.computeIfAbsent(
                t.path("ServiceID").asText(), k -> new ArrayList<>()).add(t));
        Set<String> active = new HashSet<>();
        Map<String, String> names = new HashMap<>();
        for (JsonNode n : client.nodes()) {
            names.put(n.path("ID").asText(), n.path("Description").path("Hostname").asText());
            if (!"down".equals(n.path("Status").path("State").asText())) {
                active.add(n.path("ID").asText());
            }
        }
        last = new Snapshot(services, tasks, active, names, now);
        return last;
    }
}
