package dev.jcompose.model.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * A path into the compose tree, printed as compose users read it: {@code services.web.ports[0]}.
 */
public record YamlPath(List<Object> segments) {

    public static final YamlPath ROOT = new YamlPath(List.of());

    public YamlPath {
        segments = List.copyOf(segments);
    }

    public static YamlPath of(Object... segments) {
        return new YamlPath(List.of(segments));
    }

    public YamlPath key(String key) {
        List<Object> s = new ArrayList<>(segments);
        s.add(key);
        return new YamlPath(s);
    }

    public YamlPath index(int index) {
        List<Object> s = new ArrayList<>(segments);
        s.add(index);
        return new YamlPath(s);
    }

    public YamlPath parent() {
        return segments.isEmpty() ? this : new YamlPath(segments.subList(0, segments.size() - 1));
    }

    public int size() {
        return segments.size();
    }

    public Object last() {
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    @Override
    public String toString() {
        if (segments.isEmpty()) {
            return "(top level)";
        }
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(s);
            }
        }
        return sb.toString();
    }
}
