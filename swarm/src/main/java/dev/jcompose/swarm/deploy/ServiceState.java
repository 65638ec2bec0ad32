package dev.jcompose.swarm.deploy;

/**
 * Where a service stands on its way to convergence.
 *
 * @param phase  working, converged or failed
 * @param text   the state in a few words ({@code Running 2/3}, {@code Completed 1/1})
 * @param detail why it failed, or what it waits for; "" when there is nothing to add
 */
public record ServiceState(Phase phase, String text, String detail) {

    public enum Phase { WORKING, CONVERGED, FAILED }

    static ServiceState working(String text, String detail) {
        return new ServiceState(Phase.WORKING, text, detail);
    }

    static ServiceState converged(String text) {
        return new ServiceState(Phase.CONVERGED, text, "");
    }

    static ServiceState failed(String text, String detail) {
        return new ServiceState(Phase.FAILED, text, detail);
    }

    public boolean isDone() {
        return phase != Phase.WORKING;
    }
}
