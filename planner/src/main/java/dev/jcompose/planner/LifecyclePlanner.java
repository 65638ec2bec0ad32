package dev.jcompose.planner;

import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Plans the commands that act on a project's existing containers: {@code start}, {@code stop},
 * {@code restart}, {@code kill}, {@code pause}, {@code unpause} and {@code rm}. Starts go in
 * dependency order (a service after those it depends on), stops in reverse; the rest in
 * parallel. Works from the project model, or from labels alone when there is none (the
 * dependencies then come from the containers' {@code depends_on} label).
 *
 * <p>Only service containers are touched; one-off ({@code run}) containers are left to
 * {@code down} and {@code rm} of their own.
 */
public final class LifecyclePlanner {

    private LifecyclePlanner() {
    }

    /**
     * The containers a command acts on: those of {@code services} (all when empty).
     *
     * @throws PlanException when a named service is neither in the model nor on the engine
     */
    public static List<ContainerSummary> select(Project project, List<ContainerSummary> existing,
            Collection<String> services) {
        Set<String> known = new LinkedHashSet<>();
        if (project != null) {
            known.addAll(project.services().keySet());
        }
        existing.forEach(c -> {
            if (c.label(Labels.SERVICE) != null) {
                known.add(c.label(Labels.SERVICE));
            }
        });
        List<String> unknown = services.stream().filter(s -> !known.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new PlanException("no such service: " + String.join(", ", unknown)
                    + (known.isEmpty() ? "" : " (services: " + String.join(", ", known) + ")"));
        }
        return existing.stream()
                .filter(c -> c.label(Labels.SERVICE) != null)
                .filter(c -> !"True".equals(c.label(Labels.ONEOFF)))
                .filter(c -> services.isEmpty() || services.contains(c.label(Labels.SERVICE)))
                .sorted(Comparator.comparing(ContainerSummary::name))
                .toList();
    }

    /**
     * {@code selected} and the containers of the services they depend on, transitively, as
     * {@code start SERVICE} needs them (from the model, else from the depends_on labels).
     */
    public static List<ContainerSummary> withDependencies(Project project,
            List<ContainerSummary> existing, List<ContainerSummary> selected) {
        Set<String> services = new LinkedHashSet<>();
        Deque<ContainerSummary> todo = new ArrayDeque<>(selected);
        selected.forEach(c -> services.add(service(c)));
        while (!todo.isEmpty()) {
            for (String dep : dependenciesOf(project, todo.pop())) {
                if (services.add(dep)) {
                    existing.stream().filter(c -> dep.equals(service(c)))
                            .filter(c -> !"True".equals(c.label(Labels.ONEOFF)))
                            .forEach(todo::add);
                }
            }
        }
        return existing.stream()
                .filter(c -> !"True".equals(c.label(Labels.ONEOFF)))
                .filter(c -> services.contains(service(c)))
                .sorted(Comparator.comparing(ContainerSummary::name))
                .toList();
    }

    /** Starts the containers that are not running, dependencies first. */
    public static Plan planStart(Project project, List<ContainerSummary> containers) {
        Plan.Builder plan = new Plan.Builder();
        // pre_start hooks of services whose containers were created and never started
        Map<String, List<Integer>> serviceHooks = new HashMap<>();
        inOrder(project, containers, false, plan, (c, after) -> {
            if (c.isRunning() || "paused".equals(c.state())) {
                return List.of();
            }
            List<Integer> wait = new ArrayList<>(after);
            Service s = project == null ? null : project.services().get(service(c));
            if (s != null && !s.preStart().isEmpty() && PreStartHooks.neverStarted(c)) {
                boolean serviceFresh = containers.stream()
                        .filter(o -> service(o).equals(s.name()))
                        .allMatch(PreStartHooks::neverStarted);
                if (serviceFresh) {
                    wait.addAll(serviceHooks.computeIfAbsent(s.name(),
                            k -> PreStartHooks.forService(plan, project, s, c.name(), after)));
                }
                wait.addAll(PreStartHooks.forReplica(plan, project, s, c.name(), after));
            }
            return List.of(plan.add(new Action.StartContainer(service(c), c.name(), c.id(),
                    hooks(project, c, Service::postStart)),
                    "start", wait));
        });
        return plan.build();
    }

    /** Stops the running, paused and exited containers, dependents first. */
    public static Plan planStop(Project project, List<ContainerSummary> containers,
            Duration timeout) {
        Plan.Builder plan = new Plan.Builder();
        stops(project, containers, timeout, plan, "stop");
        return plan.build();
    }

    /**
     * Restarts every selected container: stops the running ones (dependents first), then
     * starts all of them again (dependencies first), as {@code docker compose restart} does.
     */
    public static Plan planRestart(Project project, List<ContainerSummary> containers,
            Duration timeout) {
        Plan.Builder plan = new Plan.Builder();
        List<Integer> stopped = stops(project, containers, timeout, plan, "restart");
        inOrder(project, containers, false, plan, (c, after) -> {
            List<Integer> wait = new ArrayList<>(after);
            wait.addAll(stopped);
            return List.of(plan.add(new Action.StartContainer(service(c), c.name(), c.id(),
                    hooks(project, c, Service::postStart)),
                    "restart", wait));
        });
        return plan.build();
    }

    /** Sends {@code signal} (null: SIGKILL) to the running containers, all at once. */
    public static Plan planKill(List<ContainerSummary> containers, String signal) {
        Plan.Builder plan = new Plan.Builder();
        for (ContainerSummary c : containers) {
            if (c.isRunning() || "paused".equals(c.state())) {
                plan.add(new Action.KillContainer(service(c), c.name(), c.id(), signal), "kill",
                        List.of());
            }
        }
        return plan.build();
    }

    /** Pauses the running containers; one already paused is an error, as in docker compose. */
    public static Plan planPause(List<ContainerSummary> containers) {
        Plan.Builder plan = new Plan.Builder();
        for (ContainerSummary c : containers) {
            if ("paused".equals(c.state())) {
                throw new PlanException("container " + c.name() + " is already paused");
            }
            if (c.isRunning()) {
                plan.add(new Action.PauseContainer(service(c), c.name(), c.id()), "pause",
                        List.of());
            }
        }
        return plan.build();
    }

    /** Unpauses the paused containers. */
    public static Plan planUnpause(List<ContainerSummary> containers) {
        Plan.Builder plan = new Plan.Builder();
        for (ContainerSummary c : containers) {
            if ("paused".equals(c.state())) {
                plan.add(new Action.UnpauseContainer(service(c), c.name(), c.id()), "unpause",
                        List.of());
            }
        }
        return plan.build();
    }

    /**
     * Removes the stopped containers; with {@code stopFirst}, stops the running ones first
     * (dependents first) and removes them too. Running containers are otherwise left, with a
     * warning naming them.
     */
    public static Plan planRemove(Project project, List<ContainerSummary> containers,
            boolean stopFirst, boolean removeVolumes, Duration timeout) {
        Plan.Builder plan = new Plan.Builder();
        Map<String, Integer> stopOf = new HashMap<>();
        List<ContainerSummary> removable = new ArrayList<>();
        List<String> running = new ArrayList<>();
        if (stopFirst) {
            inOrder(project, containers, true, plan, (c, after) -> {
                if (!c.isRunning() && !"paused".equals(c.state())) {
                    return List.of();
                }
                int id = plan.add(new Action.StopContainer(service(c), c.name(), c.id(),
                        timeout(project, c, timeout), hooks(project, c, Service::preStop)), "rm --stop", after);
                stopOf.put(c.id(), id);
                return List.of(id);
            });
        }
        for (ContainerSummary c : containers) {
            boolean live = c.isRunning() || "paused".equals(c.state());
            if (live && !stopFirst) {
                running.add(c.name());
            } else {
                removable.add(c);
            }
        }
        for (ContainerSummary c : removable) {
            Integer stop = stopOf.get(c.id());
            plan.add(new Action.RemoveContainer(service(c), c.name(), c.id(), removeVolumes),
                    "rm", stop == null ? List.of() : List.of(stop));
        }
        if (!running.isEmpty()) {
            plan.warn("not removing running containers (" + String.join(", ", running)
                    + "); stop them first or use rm --stop");
        }
        return plan.build();
    }

    // --- ordering -------------------------------------------------------------------------------

    /** Adds one step list per container; returns what was added. */
    private interface PerContainer {
        List<Integer> add(ContainerSummary c, List<Integer> after);
    }

    private static List<Integer> stops(Project project, List<ContainerSummary> containers,
            Duration timeout, Plan.Builder plan, String cause) {
        return inOrder(project, containers, true, plan, (c, after) -> {
            if ("stop".equals(cause) && "exited".equals(c.state())) {
                // as docker compose: an exited container is stopped (and reported) too, with
                // no pre_stop hook to run in it
                return List.of(plan.add(new Action.StopContainer(service(c), c.name(), c.id(),
                        timeout(project, c, timeout), List.of()), cause, after));
            }
            if (!c.isRunning() && !"paused".equals(c.state())) {
                return List.of();
            }
            return List.of(plan.add(new Action.StopContainer(service(c), c.name(), c.id(),
                    timeout(project, c, timeout), hooks(project, c, Service::preStop)), cause, after));
        });
    }

    /**
     * Visits the containers service by service, in dependency order (or its reverse), each
     * container's steps after those of the services it must follow.
     */
    private static List<Integer> inOrder(Project project, List<ContainerSummary> containers,
            boolean reverse, Plan.Builder plan, PerContainer step) {
        Map<String, List<ContainerSummary>> byService = new LinkedHashMap<>();
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        for (ContainerSummary c : containers) {
            byService.computeIfAbsent(service(c), k -> new ArrayList<>()).add(c);
            deps.computeIfAbsent(service(c), k -> new LinkedHashSet<>())
                    .addAll(dependenciesOf(project, c));
        }
        // only the dependencies among the selected services order them
        deps.values().forEach(d -> d.retainAll(byService.keySet()));
        DependencyGraph graph;
        try {
            graph = DependencyGraph.of(deps);
        } catch (DependencyGraph.CycleException e) {
            graph = DependencyGraph.of(Map.of());
        }
        List<String> order = new ArrayList<>(graph.startOrder());
        byService.keySet().stream().filter(s -> !order.contains(s)).forEach(order::add);
        if (reverse) {
            Collections.reverse(order);
        }
        Function<String, Collection<String>> before = reverse ? graph::dependents
                : graph::dependencies;
        Map<String, List<Integer>> added = new HashMap<>();
        List<Integer> all = new ArrayList<>();
        for (String svc : order) {
            List<Integer> after = new ArrayList<>();
            for (String other : before.apply(svc)) {
                after.addAll(added.getOrDefault(other, List.of()));
            }
            List<Integer> mine = new ArrayList<>();
            for (ContainerSummary c : byService.getOrDefault(svc, List.of())) {
                mine.addAll(step.add(c, after));
            }
            added.put(svc, mine);
            all.addAll(mine);
        }
        return all;
    }

    private static Set<String> dependenciesOf(Project project, ContainerSummary c) {
        String svc = service(c);
        if (project != null && project.services().containsKey(svc)) {
            return DependencyGraph.dependenciesOf(project.service(svc));
        }
        Set<String> out = new LinkedHashSet<>();
        String label = c.label(Labels.DEPENDS_ON);
        if (label != null && !label.isEmpty()) {
            for (String part : label.split(",")) {
                int colon = part.indexOf(':');
                out.add(colon < 0 ? part : part.substring(0, colon));
            }
        }
        return out;
    }

    /** The container's service's hooks of one kind (none without the project's files). */
    private static List<dev.jcompose.model.Hook> hooks(Project project, ContainerSummary c,
            java.util.function.Function<Service, List<dev.jcompose.model.Hook>> kind) {
        Service s = project == null ? null : project.services().get(service(c));
        return s == null ? List.of() : kind.apply(s);
    }

    private static Duration timeout(Project project, ContainerSummary c, Duration given) {
        if (given != null || project == null) {
            return given;
        }
        Service s = project.services().get(service(c));
        return s == null ? null : s.stopGracePeriod();
    }

    private static String service(ContainerSummary c) {
        return c.label(Labels.SERVICE);
    }
}
