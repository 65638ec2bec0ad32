package dev.jcompose.planner.exec;

import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.Engine;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates containers as a plan does: service references resolved, the image id label set, the
 * spec's files written, its further networks connected.
 */
final class ContainerCreator {

    private final Engine engine;
    /**
     * The image id behind each reference, for the image label of the containers created: looked
     * up once per image rather than once per container, forgotten when a step pulls, builds or
     * removes an image.
     */
    private final Map<String, Optional<String>> imageIds = new ConcurrentHashMap<>();

    ContainerCreator(Engine engine) {
        this.engine = engine;
    }

    /** Creates {@code spec} named {@code name}; returns the container's id. */
    String create(ContainerSpec spec, String name, ServiceReferences references) {
        ContainerSpec s = references.resolve(spec, name,
                imageIds.computeIfAbsent(spec.image(), engine::imageId).orElse(null));
        String id = engine.createContainer(s);
        references.created(id, name, s);
        if (!s.files().isEmpty()) {
            engine.putFiles(id, s.files());
        }
        for (int i = 1; i < s.networks().size(); i++) {
            engine.connectNetwork(id, s.networks().get(i));
        }
        return id;
    }

    /** Images were pulled, built or removed: their ids are looked up again. */
    void imagesChanged() {
        imageIds.clear();
    }
}
