package dev.jcompose.model;

import java.util.Map;

/**
 * A top-level secret or config: its content comes from {@code file}, {@code environment} or
 * {@code content}, or it is {@code external}.
 */
public record FileObject(
        String name,
        String file,
        String environment,
        String content,
        Boolean external,
        Map<String, String> labels,
        String driver,
        Map<String, String> driverOpts,
        String templateDriver,
        @Yaml.Extensions Map<String, Object> extensions) {

    public FileObject {
        labels = Coll.map(labels);
        driverOpts = Coll.map(driverOpts);
        extensions = Coll.map(extensions);
    }

    public boolean isExternal() {
        return external != null && external;
    }
}
