package dev.jcompose.swarm.deploy;

import java.util.List;

/** Swarm's task states in the order a task goes through them. */
final class TaskStates {

    static final List<String> ORDER = List.of("new", "allocated", "pending", "assigned",
            "accepted", "preparing", "ready", "starting", "running", "complete", "shutdown",
            "failed", "rejected", "remove", "orphaned");
    static final int RUNNING = ORDER.indexOf("running");

    private TaskStates() {
    }

    /** The state's place in {@link #ORDER}; unknown states rank first. */
    static int rank(String state) {
        return Math.max(0, ORDER.indexOf(state));
    }

    /** Whether a task in {@code state} has ended. */
    static boolean isTerminal(String state) {
        return rank(state) > RUNNING;
    }
}
