package dev.jcompose.model;

import java.util.Map;

/** A top-level volume. {@code name} is the engine-side name (project prefix applied). */
public record Volume(
        String name,
        String driver,
        Map<String, String> driverOpts,
        Boolean external,
        Map<String, String> labels,
        @Yaml.Extensions Map<String, Object> extensions) {

    public Volume {
        driverOpts = Coll.map(driverOpts);
        labels = Coll.map(labels);
        extensions = Coll.map(extensions);
    }

    public boolean isExternal() {
        return external != null && external;
    }

    public Volume withLabels(Map<String, String> newLabels) {
        return new Volume(name, driver, driverOpts, external, newLabels, extensions);
    }
}
