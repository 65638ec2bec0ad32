package dev.jcompose.api;

import java.time.Duration;
import java.util.List;

/**
 * A command on a project's existing containers.
 *
 * @param kind        what to do
 * @param services    the services to act on (empty: all)
 * @param timeout     grace period before a stop kills (null: each service's
 *                    {@code stop_grace_period}, else the engine's 10 s)
 * @param signal      the signal for {@link Kind#KILL} (null: SIGKILL)
 * @param stopFirst   {@link Kind#RM}: stop running containers and remove them too
 * @param removeVolumes {@link Kind#RM}: remove the containers' anonymous volumes
 * @param dryRun      plan only; touch nothing
 * @param parallelism the most engine operations at once
 */
public record LifecycleCommand(Kind kind, List<String> services, Duration timeout, String signal,
        boolean stopFirst, boolean removeVolumes, boolean dryRun, int parallelism) {

    public enum Kind { START, STOP, RESTART, KILL, PAUSE, UNPAUSE, RM }

    public LifecycleCommand {
        services = List.copyOf(services);
    }

    /** {@code kind} on {@code services}, with the defaults. */
    public static LifecycleCommand of(Kind kind, List<String> services) {
        return new LifecycleCommand(kind, services, null, null, false, false, false, 64);
    }
}
