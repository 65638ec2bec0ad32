package dev.jcompose.model.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between nodes and plain Java values (maps, lists, strings, numbers, booleans). */
public final class Nodes {

    private Nodes() {
    }

    /** A node for a plain value; every node created carries {@code mark}. */
    public static Node of(Object value, Mark mark) {
        if (value instanceof Node n) {
            return n;
        }
        if (value instanceof Map<?, ?> m) {
            MapNode.Builder b = MapNode.builder(mark);
            m.forEach((k, v) -> b.put(String.valueOf(k), mark, of(v, mark)));
            return b.build();
        }
        if (value instanceof List<?> l) {
            List<Node> items = new ArrayList<>(l.size());
            for (Object o : l) {
                items.add(of(o, mark));
            }
            return SeqNode.of(items, mark);
        }
        if (value instanceof Integer i) {
            return ScalarNode.of(i.longValue(), mark);
        }
        return ScalarNode.of(value, mark);
    }

    /** The plain value of a node: LinkedHashMap, ArrayList, or the scalar's value. */
    public static Object plain(Node node) {
        return switch (node) {
            case ScalarNode s -> s.value();
            case SeqNode s -> {
                List<Object> out = new ArrayList<>(s.size());
                s.items().forEach(n -> out.add(plain(n)));
                yield out;
            }
            case MapNode m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> out.put(k, plain(v)));
                yield out;
            }
        };
    }

    /** The text of a scalar node, or null for anything else. */
    public static String text(Node node) {
        return node instanceof ScalarNode s && s.value() != null ? s.text() : null;
    }

    /** A string scalar. */
    public static ScalarNode str(String value, Mark mark) {
        return ScalarNode.string(value, mark);
    }
}
