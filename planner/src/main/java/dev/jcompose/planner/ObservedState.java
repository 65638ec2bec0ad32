package dev.jcompose.planner;

import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.Background;
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
import java.util.stream.Collectors;

/**
 * What exists on the engine for a project: its containers (by label), the networks and volumes
 * present (by name), and the local images the project's services use.
 *
 * @param images image reference to local image id, for the references that are present
 * @param imageState the same images in detail (times, labels), for the image planner
 */
public record ObservedState(String project, List<ContainerSummary> containers,
        Set<String> networks, Set<String> volumes, Map<String, String> images,
        ObservedImages imageState, Map<String, VolumeSummary> volumeDetails,
        Map<String, NetworkSummary> networkDetails) {

    public ObservedState {
        containers = List.copyOf(containers);
        networks = Set.copyOf(networks);
        volumes = Set.copyOf(volumes);
        images = Map.copyOf(images);
        if (imageState == null) {
            imageState = ObservedImages.ofIds(images, java.time.Instant.now());
        }
        volumeDetails = volumeDetails == null ? Map.of() : Map.copyOf(volumeDetails);
        networkDetails = networkDetails == null ? Map.of() : Map.copyOf(networkDetails);
    }

    public ObservedState(String project, List<ContainerSummary> containers,
            Set<String> networks, Set<String> volumes, Map<String, String> images,
            ObservedImages imageState) {
        this(project, containers, networks, volumes, images, imageState, Map.of(), Map.of());
    }

    public ObservedState(String project, List<ContainerSummary> containers,
            Set<String> networks, Set<String> volumes, Map<String, String> images) {
        this(project, containers, networks, volumes, images, null);
    }

    /** Reads the state of {@code project} from {@code engine}. */
    public static ObservedState observe(Engine engine, Project project) {
        Set<String> refs = new LinkedHashSet<>();
        for (Service s : project.services().values()) {
            refs.add(s.imageName(project.name()));
            s.preStart().stream().map(h -> h.image()).filter(i -> i != null && !i.isEmpty())
                    .forEach(refs::add);
        }
        // independent reads, made together
        Background<List<NetworkSummary>> networkList =
                Background.start(() -> engine.listNetworks(Map.of()));
        Background<List<VolumeSummary>> volumeList =
                Background.start(() -> engine.listVolumes(Map.of()));
        Background<ObservedImages> imageList =
                Background.start(() -> ObservedImages.observe(engine, refs));
        List<ContainerSummary> containers =
                engine.listContainers(ContainerSpecs.projectLabel(project.name()), true);
        Map<String, NetworkSummary> networkDetails = new HashMap<>();
        networkList.get().forEach(n -> networkDetails.put(n.name(), n));
        Set<String> networks = networkDetails.keySet();
        Map<String, VolumeSummary> volumeDetails = new HashMap<>();
        volumeList.get().forEach(v -> volumeDetails.put(v.name(), v));
        Set<String> volumes = volumeDetails.keySet();
        ObservedImages imageState = imageList.get();
        Map<String, String> images = new HashMap<>();
        imageState.byReference().forEach((ref, img) -> images.put(ref, img.id()));
        return new ObservedState(project.name(), containers, networks, volumes, images,
                imageState, volumeDetails, networkDetails);
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
