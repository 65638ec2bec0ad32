package dev.jcompose.swarm.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.runtime.DockerApi;
import java.util.ArrayList;
import java.util.List;

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
        return clean(tree).toString();
    }

    private static JsonNode clean(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            o.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    drop.add(e.getKey());
                } else {
                    clean(e.getValue());
                }
            });
            o.remove(drop);
        } else if (n instanceof ArrayNode a) {
            a.forEach(Specs::clean);
        }
        return n;
    }
}
