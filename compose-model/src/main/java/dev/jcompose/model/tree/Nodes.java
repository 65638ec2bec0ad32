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

    /**
     * The plain value of a node: LinkedHashMap, ArrayList, or the scalar's value.
     *
     * <p>The tree walks that every command makes test node and schema types with instanceof
     * rather than a pattern switch: the JVM makes a class for each pattern-switch site the first
     * time it runs (SwitchBootstraps), which no start-up cache holds, and a command runs each
     * walk once.
     */
    public static Object plain(Node node) {
        if (node instanceof ScalarNode s) {
            return s.value();
        }
        if (node instanceof SeqNode s) {
            List<Object> out = new ArrayList<>(s.size());
            s.items().forEach(n -> out.add(plain(n)));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((MapNode) node).entries().forEach((k, v) -> out.put(k, plain(v)));
        return out;
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
