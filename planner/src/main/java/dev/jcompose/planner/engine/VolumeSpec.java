package dev.jcompose.planner.engine;

import java.util.Map;

/** A volume to create. */
public record VolumeSpec(String name, String driver, Map<String, String> driverOpts,
        Map<String, String> labels) {

    public VolumeSpec {
        driverOpts = Map.copyOf(driverOpts);
        labels = Map.copyOf(labels);
    }
}
