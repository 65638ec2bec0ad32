package dev.jcompose.planner.exec;

import dev.jcompose.model.DependsOn;
import dev.jcompose.model.DependsOn.Condition;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.DependencyGraph;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * When services count as ready, for every wait there is: a planned {@code AwaitService} step
 * (the {@link Executor}), {@code run}'s dependencies ({@link #awaitDependencies}), and
 * {@code up --wait} / {@code waitUntilHealthy} ({@link #awaitProject}). All of them wait on the
 * engine's events through one {@link ConditionWaiter}; this class only chooses the condition.
 * One-shot services are ready once they exited 0 when a dependent asks for completion, and are
 * never ready with a non-zero exit.
 */
public final class Readiness {

    private final Engine engine;
    private final Project project;
    private final ConditionWaiter waiter;

    public Readiness(Engine engine, Project project) {
        this.engine = engine;
        this.project = project;
        this.waiter = new ConditionWaiter(engine);
    }

    /**
     * Waits until each dependency of {@code service} meets its {@code depends_on} condition.
     *
     * @param containersOf a dependency's containers (not one-offs), by service name
     * @throws ConditionWaiter.ConditionFailed when a dependency cannot meet it
     */
    public void awaitDependencies(Service service, Function<String, List<String>> containersOf)
            throws InterruptedException {
        for (Map.Entry<String, DependsOn> e : service.dependsOn().entrySet()) {
            List<String> names = containersOf.apply(e.getKey());
            if (!names.isEmpty()) {
                waiter.await(e.getKey(), names, e.getValue().waitCondition(), labels(), null);
            }
        }
    }

    /**
     * Waits until every service in {@code containers} is ready, in start order, within
     * {@code timeout}: healthy when a container has a healthcheck, exited 0 when a dependent
     * waits for it to complete, running (or exited 0) otherwise.
     *
     * @param containers      the services' containers (not one-offs), by service name
     * @param withHealthcheck the services a container of which has a healthcheck
     * @throws ConditionWaiter.ConditionFailed naming the failed service
     */
    public void awaitProject(Map<String, List<String>> containers, Set<String> withHealthcheck,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String service : order()) {
            List<String> names = containers.get(service);
            if (names == null) {
                continue;
            }
            Condition condition = readyWhen(service, withHealthcheck.contains(service));
            try {
                waiter.await(service, names, condition, labels(),
                        Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                if (condition == Condition.STARTED) {
                    checkNotFailed(service, names);
                }
            } catch (ConditionWaiter.ConditionFailed e) {
                throw new ConditionWaiter.ConditionFailed(e.getMessage(), service);
            }
        }
    }

    /** The condition a service must meet: the strongest any dependent asks, else readiness. */
    public Condition readyWhen(String service, boolean hasHealthcheck) {
        Set<Condition> asked = EnumSet.noneOf(Condition.class);
        for (Service s : project.services().values()) {
            DependsOn d = s.dependsOn().get(service);
            if (d != null) {
                asked.add(d.waitCondition());
            }
        }
        if (asked.contains(Condition.COMPLETED)) {
            return Condition.COMPLETED;
        }
        return hasHealthcheck ? Condition.HEALTHY : Condition.STARTED;
    }

    private Map<String, String> labels() {
        return ContainerSpecs.projectLabel(project.name());
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
}
