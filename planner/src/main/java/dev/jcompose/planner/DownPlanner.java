package dev.jcompose.planner;

import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.ImageSummary;
import dev.jcompose.planner.engine.NetworkSummary;
import dev.jcompose.planner.engine.VolumeSummary;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans {@code down}: stop and remove containers in reverse dependency order (a container stops
 * after the containers that depend on it), then remove the project's networks and, when asked,
 * its volumes. Works from the project model, or from labels alone when there is no model.
 */
public final class DownPlanner {

    /**
     * What exists on the engine for the project, as {@code down} needs it.
     *
     * @param images the project's labelled images and those its services name (for --rmi)
     */
    public record Existing(List<ContainerSummary> containers, List<NetworkSummary> networks,
            List<VolumeSummary> volumes, List<ImageSummary> images) {
        public Existing {
            containers = List.copyOf(containers);
            networks = List.copyOf(networks);
            volumes = List.copyOf(volumes);
            images = images == null ? List.of() : List.copyOf(images);
        }

        public Existing(List<ContainerSummary> containers, List<NetworkSummary> networks,
                List<VolumeSummary> volumes) {
            this(containers, networks, volumes, List.of());
        }
    }

    private DownPlanner() {
    }

    /**
     * The plan that removes the project.
     *
     * @param project the model, or null to act on labels alone (everything labelled with the
     *                project's name is removed)
     */
    public static Plan planDown(String projectName, Project project, Existing existing,
            DownPlanOptions options) {
        Plan.Builder plan = new Plan.Builder();
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        Map<String, List<ContainerSummary>> byService = new LinkedHashMap<>();
        Set<String> orphans = new LinkedHashSet<>();
        for (ContainerSummary c : existing.containers()) {
            String svc = c.label(Labels.SERVICE);
            if (svc == null) {
                continue;
            }
            boolean oneOff = "True".equals(c.label(Labels.ONEOFF));
            boolean known = project == null || project.services().containsKey(svc)
                    || project.disabledServices().containsKey(svc);
            if (!known && !oneOff && !options.removeOrphans()) {
                orphans.add(c.name());
                continue;
            }
            if (!options.services().isEmpty() && !options.services().contains(svc)
                    && (known || oneOff)) {
                continue; // down SERVICE...: the other services stay
            }
            byService.computeIfAbsent(svc, k -> new ArrayList<>()).add(c);
            deps.computeIfAbsent(svc, k -> new LinkedHashSet<>()).addAll(dependenciesOf(
                    project, svc, c));
        }
        if (!orphans.isEmpty()) {
            plan.warn("found orphan containers (" + String.join(", ", orphans) + ") for this "
                    + "project; run down --remove-orphans to remove them too");
        }
        DependencyGraph graph;
        try {
            graph = DependencyGraph.of(deps);
        } catch (DependencyGraph.CycleException e) {
            graph = DependencyGraph.of(Map.of());
        }
        Map<String, List<Integer>> removed = new HashMap<>();
        List<String> order = new ArrayList<>(graph.startOrder());
        java.util.Collections.reverse(order);
        for (String svc : byService.keySet()) {
            if (!order.contains(svc)) {
                order.add(svc);
            }
        }
        List<Integer> allRemoved = new ArrayList<>();
        for (String svc : order) {
            List<Integer> after = new ArrayList<>();
            for (String dependent : graph.dependents(svc)) {
                after.addAll(removed.getOrDefault(dependent, List.of()));
            }
            List<Integer> mine = new ArrayList<>();
            for (ContainerSummary c : byService.getOrDefault(svc, List.of())) {
                Duration timeout = options.timeout() != null ? options.timeout()
                        : gracePeriod(project, svc);
                List<Integer> removeAfter = new ArrayList<>(after);
                if (c.isRunning() || "paused".equals(c.state())) {
                    removeAfter.add(plan.add(new Action.StopContainer(svc, c.name(), c.id(),
                            timeout, preStop(project, svc)), "down", after));
                }
                int rm = plan.add(new Action.RemoveContainer(svc, c.name(), c.id(),
                        options.removeVolumes()), "down", removeAfter);
                mine.add(rm);
                allRemoved.add(rm);
            }
            removed.put(svc, mine);
        }
        if (!options.services().isEmpty()) {
            return plan.build();
        }
        for (NetworkSummary n : existing.networks()) {
            if (project != null && isExternalNetwork(project, n.name())) {
                continue;
            }
            plan.add(new Action.RemoveNetwork(n.name()), "down", allRemoved);
        }
        if (options.removeVolumes()) {
            Set<String> named = new LinkedHashSet<>();
            for (VolumeSummary v : existing.volumes()) {
                named.add(v.name());
                if (project != null && isExternalVolume(project, v.name())) {
                    continue;
                }
                plan.add(new Action.RemoveVolume(v.name()), "down -v", allRemoved);
            }
            // anonymous volumes a recreated container took over from its predecessor are
            // mounted by name, so removing the container with its volumes leaves them
            Set<String> anonymous = new TreeSet<>();
            byService.values().forEach(cs -> cs.forEach(c -> anonymous.addAll(
                    c.anonymousVolumes().values())));
            anonymous.removeAll(named);
            for (String v : anonymous) {
                plan.add(new Action.RemoveVolume(v), "down -v (anonymous)", allRemoved);
            }
        }
        for (String image : ImageRemoval.imagesToRemove(projectName, project, existing.images(),
                options.removeImages(), options.removeOrphans())) {
            plan.add(new Action.RemoveImage(image), "down --rmi " + options.removeImages(),
                    allRemoved);
        }
        return plan.build();
    }

    private static Set<String> dependenciesOf(Project project, String svc, ContainerSummary c) {
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

    private static List<dev.jcompose.model.Hook> preStop(Project project, String svc) {
        Service s = project == null ? null : project.services().get(svc);
        return s == null ? List.of() : s.preStop();
    }

    private static Duration gracePeriod(Project project, String svc) {
        if (project == null) {
            return null;
        }
        Service s = project.services().get(svc);
        return s == null ? null : s.stopGracePeriod();
    }

    private static boolean isExternalNetwork(Project project, String name) {
        return project.networks().values().stream()
                .anyMatch(n -> n.isExternal() && name.equals(n.name()));
    }

    private static boolean isExternalVolume(Project project, String name) {
        return project.volumes().values().stream()
                .anyMatch(v -> v.isExternal() && name.equals(v.name()));
    }
}
