package dev.jcompose.planner.engine;

import java.util.Map;

/** A volume as the engine reports it. */
public record VolumeSummary(String name, String driver, Map<String, String> labels) {

    public VolumeSummary {
        labels = Map.copyOf(labels);
    }
}
