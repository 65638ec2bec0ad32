package dev.jcompose.model;

import java.util.List;
import java.util.Map;

/**
 * A top-level {@code models} entry: an AI model the Docker Model Runner serves to the services
 * that name it ({@code model} is its reference, e.g. {@code ai/smollm2}).
 */
public record Model(
        String name,
        String model,
        Long contextSize,
        List<String> runtimeFlags,
        @Yaml.Extensions Map<String, Object> extensions) {

    public Model {
        runtimeFlags = Coll.list(runtimeFlags);
        extensions = Coll.map(extensions);
    }
}
