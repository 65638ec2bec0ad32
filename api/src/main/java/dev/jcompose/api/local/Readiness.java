package dev.jcompose.api.local;

import dev.jcompose.api.ComposeException;
import dev.jcompose.api.ContainerInfo;
import dev.jcompose.model.DependsOn;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.DependencyGraph;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.exec.ConditionWaiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Waits until a started project is ready, service by service in start order, on the engine's
 * events (through the planner's {@link ConditionWaiter}): healthy when a container has a
 * healthcheck, exited 0 when another service waits for it to complete, running otherwise.
 */
final class Readiness {

    private final Engine engine;
    private final Project project;
    private final Map<String, List<String>> containers = new LinkedHashMap<>();
    private final Map<String, Boolean> hasHealthcheck = new LinkedHashMap<>();
    private final long deadline;

    Readiness(Engine engine, Project project, List<ContainerInfo> ps, Duration timeout) {
        this.engine = engine;
        this.project = project;
        this.deadline = System.nanoTime() + timeout.toNanos();
        for (ContainerInfo c : ps) {
            if (!c.oneOff() && project.services().containsKey(c.service())) {
                containers.computeIfAbsent(c.service(), k -> new ArrayList<>()).add(c.name());
                hasHealthcheck.merge(c.service(), c.health() != null, Boolean::logicalOr);
            }
        }
    }

    /** The condition each service must meet: the strongest any dependent asks, else readiness. */
    String condition(String service) {
        Set<String> asked = new HashSet<>();
        for (Service s : project.services().values()) {
            DependsOn d = s.dependsOn().get(service);
            if (d != null) {
                asked.add(d.condition());
            }
        }
        if (asked.contains(DependsOn.COMPLETED)) {
            return DependsOn.COMPLETED;
        }
        if (Boolean.TRUE.equals(hasHealthcheck.get(service))) {
            return DependsOn.HEALTHY;
        }
        return DependsOn.STARTED;
    }

    /**
     * Blocks until every service with containers is ready.
     *
     * @param tail the last lines of a service's log, appended to failure messages
     * @throws ComposeException when a service fails or the deadline passes
     */
    void await(UnaryOperator<String> tail) {
        ConditionWaiter waiter = new ConditionWaiter(engine);
        for (String service : order()) {
            List<String> names = containers.get(service);
            if (names == null) {
                continue;
            }
            String condition = condition(service);
            try {
                waiter.await(service, names, condition,
                        ContainerSpecs.projectLabel(project.name()), remaining());
                if (DependsOn.STARTED.equals(condition)) {
                    checkNotFailed(service, names);
                }
            } catch (ConditionWaiter.ConditionFailed e) {
                throw new ComposeException(e.getMessage() + tail.apply(service), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ComposeException("interrupted while waiting for service " + service,
                        e);
            }
        }
    }

    private List<String> order() {
        try {
            return DependencyGraph.of(project).startOrder();
        } catch (RuntimeException e) {
            return List.copyOf(project.services().keySet());
        }
    }

    /** A service without healthcheck that nobody waits on is ready unless it exited non-zero. */
    private void checkNotFailed(String service, List<String> names) {
        for (String n : names) {
            Optional<ContainerSummary> c = engine.inspectContainer(n);
            if (c.isPresent() && c.get().exitCode() != null && c.get().exitCode() != 0
                    && !c.get().isRunning()) {
                throw new ConditionWaiter.ConditionFailed("service " + service
                        + " exited with code " + c.get().exitCode() + " (container " + n + ")");
            }
        }
    }

    private Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
