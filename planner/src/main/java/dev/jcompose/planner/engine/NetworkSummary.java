package dev.jcompose.planner.engine;

import java.util.Map;

/** A network as the engine reports it. */
public record NetworkSummary(String id, String name, String driver, Map<String, String> labels) {

    public NetworkSummary {
        labels = Map.copyOf(labels);
    }
}
