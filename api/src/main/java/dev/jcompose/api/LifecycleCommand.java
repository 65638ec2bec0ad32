package dev.jcompose.api;

import java.time.Duration;
import java.util.List;

/**
 * A command on a project's existing containers: {@link #of} a kind and services, then
 * {@code withX} copies.
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
 * @param noDeps      {@link Kind#RESTART}: only the named services, not the services that
 *                    depend on them with {@code restart: true}
 * @param orphans     {@link Kind#KILL}: also the containers of services the files no longer
 *                    declare (compose v2's {@code --remove-orphans})
 */
public record LifecycleCommand(Kind kind, List<String> services, Duration timeout, String signal,
        boolean stopFirst, boolean removeVolumes, boolean dryRun, int parallelism, boolean noDeps,
        boolean orphans) {

    public enum Kind { START, STOP, RESTART, KILL, PAUSE, UNPAUSE, RM }

    public LifecycleCommand {
        services = List.copyOf(services);
    }

    /** {@code kind} on {@code services}, with the defaults. */
    public static LifecycleCommand of(Kind kind, List<String> services) {
        return new LifecycleCommand(kind, services, null, null, false, false, false,
                ComposeService.DEFAULT_PARALLELISM, false, false);
    }

    public LifecycleCommand withTimeout(Duration grace) {
        return new LifecycleCommand(kind, services, grace, signal, stopFirst, removeVolumes,
                dryRun, parallelism, noDeps, orphans);
    }

    public LifecycleCommand withSignal(String name) {
        return new LifecycleCommand(kind, services, timeout, name, stopFirst, removeVolumes,
                dryRun, parallelism, noDeps, orphans);
    }

    /** {@link Kind#RM}: whether running containers are stopped first, and volumes removed. */
    public LifecycleCommand withRemoval(boolean stop, boolean volumes) {
        return new LifecycleCommand(kind, services, timeout, signal, stop, volumes, dryRun,
                parallelism, noDeps, orphans);
    }

    public LifecycleCommand withDryRun(boolean on) {
        return new LifecycleCommand(kind, services, timeout, signal, stopFirst, removeVolumes,
                on, parallelism, noDeps, orphans);
    }

    public LifecycleCommand withParallelism(int operations) {
        return new LifecycleCommand(kind, services, timeout, signal, stopFirst, removeVolumes,
                dryRun, operations, noDeps, orphans);
    }

    public LifecycleCommand withNoDeps(boolean on) {
        return new LifecycleCommand(kind, services, timeout, signal, stopFirst, removeVolumes,
                dryRun, parallelism, on, orphans);
    }

    public LifecycleCommand withOrphans(boolean on) {
        return new LifecycleCommand(kind, services, timeout, signal, stopFirst, removeVolumes,
                dryRun, parallelism, noDeps, on);
    }
}
