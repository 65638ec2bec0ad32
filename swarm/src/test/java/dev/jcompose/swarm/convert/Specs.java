package dev.jcompose.swarm.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.runtime.DockerApi;
import dev.jcompose.swarm.deploy.SpecDiff;

/** Converted specs as compact JSON text without nulls, for the tables' expectations. */
final class Specs {

    private Specs() {
    }

    static String json(Object spec) {
        if (spec == null) {
            return "null";
        }
        JsonNode tree = DockerApi.json().valueToTree(spec);
        if (tree.path("Mode") instanceof ObjectNode mode) {
            mode.remove("mode");
        }
        if (spec instanceof com.github.dockerjava.api.model.ServiceModeConfig) {
            ((ObjectNode) tree).remove("mode");
        }
        return SpecDiff.withoutNulls(tree).toString();
    }
}
