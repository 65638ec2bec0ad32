package dev.jcompose.model.load;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules keyed by wildcard tree paths ({@code services.*.ports}, {@code services.*.ports.[]}),
 * applied in one walk of the tree. A rule sees the node at a matching path and returns its
 * replacement (or the same node); the walk then continues into the replacement, so rules for
 * deeper paths see the output of rules for shallower ones. Adding a rule is one line.
 */
public final class TreeRules {

    /** Replaces the node found at a matching path. */
    @FunctionalInterface
    public interface Rule {
        Node apply(Node node, YamlPath path);
    }

    private record Entry(String[] pattern, Rule rule) { }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a rule for {@code pattern}: dot-separated keys, {@code *} for any key, {@code []} for any item. */
    public TreeRules on(String pattern, Rule rule) {
        entries.add(new Entry(pattern.split("\\."), rule));
        return this;
    }

    /** Applies every rule to {@code root}, returning the new tree. */
    public Node apply(Node root) {
        return walk(root, YamlPath.ROOT, entries, 0);
    }

    private Node walk(Node node, YamlPath path, List<Entry> candidates, int depth) {
        List<Entry> deeper = new ArrayList<>();
        for (Entry e : candidates) {
            if (e.pattern.length == depth) {
                node = e.rule.apply(node, path);
                if (node == null) {
                    return null;
                }
            } else {
                deeper.add(e);
            }
        }
        if (deeper.isEmpty()) {
            return node;
        }
        if (node instanceof MapNode map) {
            return map.mapValues((key, value) -> {
                List<Entry> next = new ArrayList<>();
                for (Entry e : deeper) {
                    String seg = e.pattern[depth];
                    if (seg.equals("*") || seg.equals(key)) {
                        next.add(e);
                    }
                }
                return next.isEmpty() ? value : walk(value, path.key(key), next, depth + 1);
            });
        }
        if (node instanceof SeqNode seq) {
            List<Entry> next = new ArrayList<>();
            for (Entry e : deeper) {
                if (e.pattern[depth].equals("[]")) {
                    next.add(e);
                }
            }
            if (next.isEmpty()) {
                return node;
            }
            List<Node> items = new ArrayList<>(seq.size());
            boolean changed = false;
            for (int i = 0; i < seq.size(); i++) {
                Node item = seq.get(i);
                Node out = walk(item, path.index(i), next, depth + 1);
                changed |= out != item;
                if (out != null) {
                    items.add(out);
                } else {
                    changed = true;
                }
            }
            return changed ? seq.withItems(items) : seq;
        }
        return node;
    }
}
