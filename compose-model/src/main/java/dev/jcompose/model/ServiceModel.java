package dev.jcompose.model;

import java.util.Map;

/**
 * How a service sees one model it uses: the variables that carry the model runner's endpoint
 * and the model's reference (by default {@code <NAME>_URL} and {@code <NAME>_MODEL}).
 */
public record ServiceModel(
        String endpointVar,
        String modelVar,
        @Yaml.Extensions Map<String, Object> extensions) {

    public ServiceModel {
        extensions = Coll.map(extensions);
    }

    /** The variable holding the endpoint, for a model the service names {@code ref}. */
    public static String endpointVariable(String ref, ServiceModel config) {
        return config != null && config.endpointVar() != null && !config.endpointVar().isEmpty()
                ? config.endpointVar() : prefix(ref) + "_URL";
    }

    /** The variable holding the model's reference, for a model named {@code ref}. */
    public static String modelVariable(String ref, ServiceModel config) {
        return config != null && config.modelVar() != null && !config.modelVar().isEmpty()
                ? config.modelVar() : prefix(ref) + "_MODEL";
    }

    private static String prefix(String ref) {
        return ref.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
