package dev.jcompose.planner.engine;

import java.util.Map;

/**
 * A volume as the engine reports it.
 *
 * @param mountpoint where the engine keeps its data, or null when not reported
 * @param scope      {@code local} or {@code global}, or null when not reported
 */
public record VolumeSummary(String name, String driver, Map<String, String> labels,
        String mountpoint, String scope) {

    public VolumeSummary {
        labels = Map.copyOf(labels);
    }

    public VolumeSummary(String name, String driver, Map<String, String> labels) {
        this(name, driver, labels, null, null);
    }
}
