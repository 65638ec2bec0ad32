package dev.jcompose.api.local;

import dev.jcompose.api.ComposeException;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.ObservedState;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.NetworkSummary;
import dev.jcompose.planner.exec.Executor;
import dev.jcompose.planner.plan.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An {@code up} whose container could not start because a port it publishes is taken. The
 * engine says so in its own words ("port is already allocated" when another container has it,
 * "address already in use" when a process of its host has it) and leaves the container
 * created; docker compose v2 leaves it so, with the network and the services that did start.
 * Here the failure is one paragraph naming the service, the address and, when it can be told,
 * who holds it (a container, by the engine's list; a process, when the engine runs on this
 * machine); and nothing half made stays: a project that had no container before this {@code up}
 * loses every container and network the {@code up} created, otherwise only the containers that
 * could not start are removed.
 */
final class PortConflicts {

    private static final Pattern ALLOCATED = Pattern.compile(
            "Bind for (\\S*):(\\d+) failed: port is already allocated");
    private static final Pattern IN_USE = Pattern.compile(
            "listen (tcp|udp)[46]? (\\S*):(\\d+): bind: address already in use");

    /** A published address that was taken. */
    record Taken(String service, String container, String address, int port, String protocol) { }

    private PortConflicts() {
    }

    /** The taken address an engine's start failure names, if it names one. */
    static Optional<Taken> parse(String service, String container, String reason) {
        Matcher m = ALLOCATED.matcher(reason);
        if (m.find()) {
            return Optional.of(new Taken(service, container, m.group(1) + ":" + m.group(2),
                    Integer.parseInt(m.group(2)), "tcp"));
        }
        m = IN_USE.matcher(reason);
        if (m.find()) {
            return Optional.of(new Taken(service, container, m.group(2) + ":" + m.group(3),
                    Integer.parseInt(m.group(3)), m.group(1)));
        }
        return Optional.empty();
    }

    /**
     * When {@code failure} is a taken port, removes what the {@code up} left half made and
     * returns the error to report; else empty, and nothing is touched.
     */
    static Optional<ComposeException> explain(Engine engine, String project,
            ObservedState before, Executor.ExecutionException failure) {
        Taken taken = null;
        for (Executor.Failure f : failure.failures()) {
            if (!f.skipped() && f.step().action() instanceof Action.StartContainer s) {
                taken = parse(s.service(), s.containerName(), f.reason()).orElse(null);
                if (taken != null) {
                    break;
                }
            }
        }
        if (taken == null) {
            return Optional.empty();
        }
        String holder = holder(engine, taken);
        String removed = rollBack(engine, project, before);
        return Optional.of(new ComposeException("service " + taken.service() + " cannot publish "
                + taken.address() + "/" + taken.protocol() + ": the port is already in use on "
                + "the engine's host" + holder + ". " + removed + "Free the port, or publish "
                + "another one in the ports of service " + taken.service() + ".", failure));
    }

    /** {@code , by container x (project p)}, {@code , by process x (pid n)}, or nothing. */
    static String holder(Engine engine, Taken taken) {
        try {
            for (ContainerSummary c : engine.listContainers(Map.of(), false)) {
                if (c.name().equals(taken.container())) {
                    continue;
                }
                for (ContainerSummary.PublishedPort p : c.ports()) {
                    if (p.hostPort() == taken.port()
                            && p.protocol().equalsIgnoreCase(taken.protocol())) {
                        String owner = c.labels().get(Labels.PROJECT);
                        return ", by container " + c.name()
                                + (owner == null ? "" : " (project " + owner + ")");
                    }
                }
            }
            if (engine.info().host().startsWith("unix://")) {
                return ListeningProcess.on(taken.port(), taken.protocol())
                        .map(p -> ", by process " + p).orElse("");
            }
        } catch (EngineException e) {
            // who holds it is a help, not the error
        }
        return "";
    }

    /**
     * Removes the project's containers that did not exist in {@code before} (only those that
     * are not running, when the project had containers before) and, for a project that had
     * none, the networks the {@code up} created; says what it removed.
     */
    static String rollBack(Engine engine, String project, ObservedState before) {
        Map<String, String> label = ContainerSpecs.projectLabel(project);
        Set<String> existed = before.containers().stream().map(ContainerSummary::id)
                .collect(Collectors.toSet());
        boolean fresh = existed.isEmpty();
        List<String> removed = new ArrayList<>();
        try {
            for (ContainerSummary c : engine.listContainers(label, true)) {
                if (!existed.contains(c.id()) && (fresh || !c.isRunning())) {
                    engine.removeContainer(c.id(), true, false);
                    removed.add("container " + c.name());
                }
            }
            if (fresh) {
                for (NetworkSummary n : engine.listNetworks(label)) {
                    if (!before.networks().contains(n.name())) {
                        engine.removeNetwork(n.id());
                        removed.add("network " + n.name());
                    }
                }
            }
        } catch (EngineException e) {
            return (removed.isEmpty() ? "" : "Removed " + String.join(", ", removed)
                    + " that this up created, but not the rest: " + e.getMessage() + ". ");
        }
        return removed.isEmpty() ? "" : "Removed " + String.join(", ", removed)
                + " that this up created. ";
    }
}
