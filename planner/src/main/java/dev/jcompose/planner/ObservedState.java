package dev.jcompose.planner;

import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.NetworkSummary;
import dev.jcompose.planner.engine.VolumeSummary;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What exists on the engine for a project: its containers (by label), the networks and volumes
 * present (by name), and the local images the project's services use.
 *
 * @param images image reference to local image id, for the references that are present
 */
public record ObservedState(String project, List<ContainerSummary> containers,
        Set<String> networks, Set<String> volumes, Map<String, String> images) {

    public ObservedState {
        containers = List.copyOf(containers);
        networks = Set.copyOf(networks);
        volumes = Set.copyOf(volumes);
        images = Map.copyOf(images);
    }

    /** Reads the state of {@code project} from {@code engine}. */
    public static ObservedState observe(Engine engine, Project project) {
        List<ContainerSummary> containers =
                engine.listContainers(ContainerSpecs.projectLabel(project.name()), true);
        Set<String> networks = engine.listNetworks(Map.of()).stream().map(NetworkSummary::name)
                .collect(Collectors.toSet());
        Set<String> volumes = engine.listVolumes(Map.of()).stream().map(VolumeSummary::name)
                .collect(Collectors.toSet());
        Set<String> refs = new LinkedHashSet<>();
        for (Service s : project.services().values()) {
            refs.add(s.imageName(project.name()));
        }
        Map<String, String> images = new ConcurrentHashMap<>();
        refs.parallelStream().forEach(ref -> engine.imageId(ref).ifPresent(id -> images.put(ref, id)));
        return new ObservedState(project.name(), containers, networks, volumes, new HashMap<>(images));
    }

    /** Reads only the containers of a project (for commands that need no model). */
    public static ObservedState observeContainers(Engine engine, String project) {
        return new ObservedState(project,
                engine.listContainers(ContainerSpecs.projectLabel(project), true),
                Set.of(), Set.of(), Map.of());
    }

    /** The service containers (not one-offs) of {@code service}, by replica number. */
    public List<ContainerSummary> containersOf(String service) {
        return containers.stream()
                .filter(c -> service.equals(c.label(Labels.SERVICE)))
                .filter(c -> !"True".equals(c.label(Labels.ONEOFF)))
                .sorted(Comparator.comparingInt(ObservedState::number))
                .toList();
    }

    /** One-off ({@code run}) containers of the project. */
    public List<ContainerSummary> oneOffs() {
        return containers.stream().filter(c -> "True".equals(c.label(Labels.ONEOFF))).toList();
    }

    public Optional<String> imageId(String reference) {
        return Optional.ofNullable(images.get(reference));
    }

    /** The replica number a container carries in its labels (0 when missing). */
    public static int number(ContainerSummary c) {
        try {
            return Integer.parseInt(c.label(Labels.CONTAINER_NUMBER));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
