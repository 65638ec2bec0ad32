package dev.jcompose.swarm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.ServiceSpec;
import dev.jcompose.runtime.DockerApi;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares the spec a deploy wants with the one the swarm holds, so an unchanged service is
 * left alone: no update, no task restarted. The engine drops empty and zero values (Go's
 * {@code omitempty}) and writes the zero value of its enumerations where a spec left them out
 * ({@code FailureAction: pause}, {@code Isolation: default}); both sides are normalised the same
 * way before comparing.
 */
public final class SpecDiff {

    /** Values the engine writes when a spec leaves them out (the keys are not used elsewhere). */
    private static final Map<String, String> ENGINE_DEFAULTS = Map.of(
            "Isolation", "default",
            "Runtime", "container",
            "FailureAction", "pause",
            "Order", "stop-first",
            "Condition", "any",
            "Protocol", "tcp",
            "PublishMode", "ingress",
            "Mode", "vip");

    private SpecDiff() {
    }

    /**
     * A spec as the JSON docker-java sends, without what docker-java adds that is not part of
     * the API ({@code Mode.mode}, from a getter of its model).
     */
    public static JsonNode tree(ServiceSpec spec) {
        JsonNode tree = DockerApi.json().valueToTree(spec);
        if (tree.path("Mode") instanceof ObjectNode mode) {
            mode.remove("mode");
        }
        return tree;
    }

    /** {@code tree} without its null fields (for reading a spec), changed in place. */
    public static JsonNode withoutNulls(JsonNode tree) {
        if (tree instanceof ObjectNode o) {
            List<String> nulls = new ArrayList<>();
            o.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    withoutNulls(e.getValue());
                }
            });
            o.remove(nulls);
        } else if (tree != null && tree.isArray()) {
            tree.forEach(SpecDiff::withoutNulls);
        }
        return tree;
    }

    /** The API paths where the specs differ ({@code TaskTemplate.ContainerSpec.Env}); empty: same. */
    public static List<String> changes(JsonNode desired, JsonNode existing) {
        List<String> out = new ArrayList<>();
        diff("", normal(desired), normal(existing), out);
        return out;
    }

    /** A spec as plain values without what the engine would not keep: comparable with equals. */
    static Object normal(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Object v = normal(e.getValue());
                if (v != null && !v.equals(ENGINE_DEFAULTS.get(e.getKey()))) {
                    out.put(e.getKey(), v);
                }
            }
            return out.isEmpty() ? null : out;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(item -> {
                Object v = normal(item);
                out.add(v == null ? Map.of() : v);
            });
            return out.isEmpty() ? null : out;
        }
        if (n.isNumber()) {
            BigDecimal d = new BigDecimal(n.asText());
            return d.signum() == 0 ? null : d.stripTrailingZeros();
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? Boolean.TRUE : null;
        }
        String s = n.asText();
        return s.isEmpty() ? null : s;
    }

    private static void diff(String path, Object a, Object b, List<String> out) {
        if (Objects.equals(a, b)) {
            return;
        }
        if ((a == null || a instanceof Map<?, ?>) && (b == null || b instanceof Map<?, ?>)) {
            Map<?, ?> ma = a == null ? Map.of() : (Map<?, ?>) a;
            Map<?, ?> mb = b == null ? Map.of() : (Map<?, ?>) b;
            TreeSet<String> keys = new TreeSet<>();
            ma.keySet().forEach(k -> keys.add((String) k));
            mb.keySet().forEach(k -> keys.add((String) k));
            for (String k : keys) {
                diff(path.isEmpty() ? k : path + "." + k, ma.get(k), mb.get(k), out);
            }
            return;
        }
        out.add(path.isEmpty() ? "(spec)" : path);
    }
}
