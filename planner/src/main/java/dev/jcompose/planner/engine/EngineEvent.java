package dev.jcompose.planner.engine;

import java.util.Map;

/**
 * An event from the engine's stream.
 *
 * @param type       container, network, volume, image
 * @param action     create, start, die, stop, destroy, health_status: healthy, ...
 * @param id         the object's id
 * @param attributes labels and details (for die: exitCode)
 */
public record EngineEvent(String type, String action, String id, Map<String, String> attributes,
        long timeNanos) {

    public EngineEvent {
        attributes = Map.copyOf(attributes);
    }

    public String attribute(String key) {
        return attributes.get(key);
    }
}
