package dev.jcompose.swarm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a service has converged, from what the swarm reports: its spec, its update status and
 * the tasks of its current spec. Pure, so every case is tested from JSON alone.
 *
 * <ul>
 *   <li>replicated: as many tasks running as replicas, each for {@link #SETTLE} at least (swarm
 *       holds a task with a healthcheck in "starting" until it is healthy, so running means
 *       healthy; the wait catches a task that crashes as soon as it started); a task that exited 0 counts
 *       when the restart policy will not start it again (a one-shot service, {@code restart:
 *       "no"});
 *   <li>global: a running task on every node that has a task of the service;
 *   <li>replicated-job: as many tasks of the job's current run completed as completions asked;
 *       global-job: every task of the current run completed;
 *   <li>failed: an update of this deploy paused or rolled back; or tasks failing since the deploy
 *       began, twice, or once when nothing will restart them ({@code condition: none}).
 * </ul>
 */
public final class Convergence {

    /** Failed tasks that make a service that restarts its tasks count as crashing. */
    static final int CRASHES = 2;
    /** How long a task must have been running to count. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private Convergence() {
    }

    /**
     * @param service     the service as the API returns it
     * @param tasks       its up-to-date tasks
     * @param activeNodes the IDs of the nodes that are not down
     * @param updatedNow  whether this deploy updated it (its update status is then this
     *                    deploy's; otherwise an old rollback says nothing about now)
     * @param since       when the deploy began, on the engine's clock
     * @param now         the time now, on the engine's clock
     */
    public static ServiceState of(JsonNode service, List<JsonNode> tasks, Set<String> activeNodes,
            boolean updatedNow, Instant since, Instant now) {
        JsonNode update = service.path("UpdateStatus");
        String updateState = update.path("State").asText("");
        String message = update.path("Message").asText("");
        switch (updateState) {
            case "updating" -> {
                return ServiceState.working("Updating", message);
            }
            case "rollback_started" -> {
                return ServiceState.working("Rolling back", message);
            }
            case "paused" -> {
                if (updatedNow) {
                    return ServiceState.failed("Update paused", message);
                }
            }
            case "rollback_paused" -> {
                if (updatedNow) {
                    return ServiceState.failed("Rollback paused", message);
                }
            }
            case "rollback_completed" -> {
                if (updatedNow) {
                    return ServiceState.failed("Rolled back", "the update failed and was "
                            + "rolled back" + (message.isEmpty() ? "" : ": " + message));
                }
            }
            default -> { }
        }
        JsonNode mode = service.path("Spec").path("Mode");
        String condition = service.path("Spec").path("TaskTemplate").path("RestartPolicy")
                .path("Condition").asText("any");
        ServiceState crash = crashing(condition, tasks, since);
        if (mode.has("ReplicatedJob") || mode.has("GlobalJob")) {
            ServiceState job = job(service, mode, tasks);
            return job.isDone() || crash == null ? job : crash;
        }
        ServiceState state = mode.has("Global") ? global(tasks, activeNodes, now)
                : replicated(mode.path("Replicated").path("Replicas").asLong(1), tasks,
                        activeNodes, !condition.equals("any"), now);
        return state.isDone() || crash == null ? state : crash;
    }

    private static ServiceState replicated(long replicas, List<JsonNode> tasks,
            Set<String> activeNodes, boolean oneShot, Instant now) {
        Map<Integer, JsonNode> bySlot = new HashMap<>();
        for (JsonNode t : tasks) {
            boolean ended = oneShot && "complete".equals(t.path("Status").path("State").asText());
            if (isLive(t, activeNodes) || ended) {
                bySlot.merge(t.path("Slot").asInt(), t, Convergence::moreAdvanced);
            }
        }
        long running = bySlot.values().stream().filter(t -> isSettled(t, now)).count();
        long completed = oneShot ? bySlot.values().stream().filter(t -> "complete".equals(
                t.path("Status").path("State").asText())).count() : 0;
        String text = completed > 0 && running == 0 ? "Completed " + completed + "/" + replicas
                : "Running " + running + "/" + replicas;
        return running + completed >= replicas ? ServiceState.converged(text)
                : ServiceState.working(text, furthest(bySlot.values()));
    }

    private static ServiceState global(List<JsonNode> tasks, Set<String> activeNodes,
            Instant now) {
        Map<String, JsonNode> byNode = new HashMap<>();
        for (JsonNode t : tasks) {
            if (isLive(t, activeNodes)) {
                byNode.merge(t.path("NodeID").asText(), t, Convergence::moreAdvanced);
            }
        }
        long running = byNode.values().stream().filter(t -> isSettled(t, now)).count();
        String text = "Running " + running + "/" + byNode.size();
        return !byNode.isEmpty() && running == byNode.size() ? ServiceState.converged(text)
                : ServiceState.working(text, byNode.isEmpty() ? "waiting for tasks"
                        : furthest(byNode.values()));
    }

    private static ServiceState job(JsonNode service, JsonNode mode, List<JsonNode> tasks) {
        long iteration = service.path("JobStatus").path("JobIteration").path("Index").asLong(-1);
        long completed = 0;
        long current = 0;
        for (JsonNode t : tasks) {
            if (iteration >= 0 && t.path("JobIteration").path("Index").asLong(-2) != iteration) {
                continue;
            }
            current++;
            if ("complete".equals(t.path("Status").path("State").asText())) {
                completed++;
            }
        }
        long wanted = mode.has("ReplicatedJob")
                ? mode.path("ReplicatedJob").path("TotalCompletions").asLong(1) : current;
        String text = "Completed " + completed + "/" + wanted;
        return wanted > 0 && completed >= wanted ? ServiceState.converged(text)
                : ServiceState.working(text, "");
    }

    /** A failure when tasks crash since the deploy began; null when they do not. */
    private static ServiceState crashing(String condition, List<JsonNode> tasks, Instant since) {
        int failures = 0;
        JsonNode last = null;
        for (JsonNode t : tasks) {
            String state = t.path("Status").path("State").asText();
            if ((state.equals("failed") || state.equals("rejected")) && !before(t, since)) {
                failures++;
                if (last == null || timestamp(t).isAfter(timestamp(last))) {
                    last = t;
                }
            }
        }
        if (last == null || failures < CRASHES && !condition.equals("none")) {
            return null;
        }
        return ServiceState.failed(failures == 1 ? "Task failed" : "Crashing",
                describe(last) + (failures > 1 ? " (" + failures + " tasks failed)" : ""));
    }

    /** {@code failed: <error>}, with the exit code when the error does not say it. */
    static String describe(JsonNode task) {
        JsonNode status = task.path("Status");
        String err = status.path("Err").asText("");
        if (err.isEmpty()) {
            err = status.path("Message").asText("");
        }
        err = err.replaceFirst("^task: ", "");
        JsonNode exit = status.path("ContainerStatus").path("ExitCode");
        boolean said = err.contains("exit (");
        return status.path("State").asText() + ": " + err + (!said && exit.isNumber()
                && exit.asInt() != 0 ? " (exit code " + exit.asInt() + ")" : "");
    }

    private static boolean before(JsonNode task, Instant since) {
        return since != null && timestamp(task).isBefore(since);
    }

    static Instant timestamp(JsonNode task) {
        String ts = task.path("Status").path("Timestamp").asText("");
        if (ts.isEmpty()) {
            ts = task.path("UpdatedAt").asText("");
        }
        try {
            return Instant.parse(ts);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    /** A task meant to run, on a node that is up (or not yet placed). */
    private static boolean isLive(JsonNode t, Set<String> activeNodes) {
        String node = t.path("NodeID").asText("");
        return TaskStates.rank(t.path("DesiredState").asText()) <= TaskStates.RUNNING
                && (node.isEmpty() || activeNodes.contains(node));
    }

    private static boolean isRunning(JsonNode t) {
        return "running".equals(t.path("Status").path("State").asText());
    }

    /** Running for {@link #SETTLE} at least. */
    private static boolean isSettled(JsonNode t, Instant now) {
        return isRunning(t) && !timestamp(t).isAfter(now.minus(SETTLE));
    }

    private static JsonNode moreAdvanced(JsonNode a, JsonNode b) {
        return TaskStates.rank(a.path("Status").path("State").asText())
                >= TaskStates.rank(b.path("Status").path("State").asText()) ? a : b;
    }

    /** The state of the task that is furthest from running, to say what the service waits for. */
    private static String furthest(Iterable<JsonNode> tasks) {
        JsonNode least = null;
        for (JsonNode t : tasks) {
            if (!isRunning(t) && (least == null || TaskStates.rank(t.path("Status").path("State")
                    .asText()) < TaskStates.rank(least.path("Status").path("State").asText()))) {
                least = t;
            }
        }
        if (least == null) {
            return "";
        }
        String err = least.path("Status").path("Err").asText("");
        return err.isEmpty() ? "a task is " + least.path("Status").path("State").asText() : err;
    }
}
