package dev.jcompose.model.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A YAML mapping with string keys, in source order. Each key keeps its own mark, so errors about a
 * key ("unknown key") point at the key, and errors about a value point at the value.
 */
public final class MapNode implements Node {

    private final Map<String, Node> entries;
    private final Map<String, Mark> keyMarks;
    private final Mark mark;
    private final Tag tag;

    private MapNode(Map<String, Node> entries, Map<String, Mark> keyMarks, Mark mark, Tag tag) {
        this.entries = entries;
        this.keyMarks = keyMarks;
        this.mark = mark;
        this.tag = tag;
    }

    public static MapNode empty(Mark mark) {
        return new MapNode(Map.of(), Map.of(), mark, Tag.NONE);
    }

    public static Builder builder(Mark mark) {
        return new Builder(mark);
    }

    /** A builder starting from this node's entries, mark and tag. */
    public Builder toBuilder() {
        Builder b = new Builder(mark);
        b.tag = tag;
        entries.forEach((k, v) -> b.put(k, keyMark(k), v));
        return b;
    }

    public Map<String, Node> entries() {
        return entries;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public Node get(String key) {
        return entries.get(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public int size() {
        return entries.size();
    }

    /** The mark of {@code key} itself, or of the mapping when unknown. */
    public Mark keyMark(String key) {
        Mark m = keyMarks.get(key);
        return m != null ? m : mark;
    }

    @Override
    public Mark mark() {
        return mark;
    }

    @Override
    public Tag tag() {
        return tag;
    }

    @Override
    public MapNode withTag(Tag newTag) {
        return new MapNode(entries, keyMarks, mark, newTag);
    }

    /** A copy with {@code key} set to {@code value} (added at the end when new). */
    public MapNode with(String key, Node value) {
        return toBuilder().put(key, value).build();
    }

    /** A copy without {@code key}. */
    public MapNode without(String key) {
        if (!entries.containsKey(key)) {
            return this;
        }
        return toBuilder().remove(key).build();
    }

    /** A copy whose values are replaced by {@code fn(key, value)}; a null result drops the entry. */
    public MapNode mapValues(BiFunction<String, Node, Node> fn) {
        Builder b = new Builder(mark);
        b.tag = tag;
        boolean changed = false;
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            Node v = fn.apply(e.getKey(), e.getValue());
            changed |= v != e.getValue();
            if (v != null) {
                b.put(e.getKey(), keyMark(e.getKey()), v);
            }
        }
        return changed ? b.build() : this;
    }

    @Override
    public String kindName() {
        return "mapping";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapNode m && m.entries.equals(entries) && m.tag == tag
                && m.mark.equals(mark);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "MapNode" + entries;
    }

    /** Builds a {@link MapNode}; later puts of a key replace its value and keep its position. */
    public static final class Builder {
        private final Map<String, Node> entries = new LinkedHashMap<>();
        private final Map<String, Mark> keyMarks = new LinkedHashMap<>();
        private final Mark mark;
        private Tag tag = Tag.NONE;

        private Builder(Mark mark) {
            this.mark = mark;
        }

        public Builder put(String key, Node value) {
            return put(key, value.mark(), value);
        }

        public Builder put(String key, Mark keyMark, Node value) {
            entries.put(key, value);
            keyMarks.put(key, keyMark);
            return this;
        }

        public Builder remove(String key) {
            entries.remove(key);
            keyMarks.remove(key);
            return this;
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        public Node get(String key) {
            return entries.get(key);
        }

        public Builder tag(Tag newTag) {
            this.tag = newTag;
            return this;
        }

        public MapNode build() {
            return new MapNode(Collections.unmodifiableMap(new LinkedHashMap<>(entries)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(keyMarks)), mark, tag);
        }
    }
}
