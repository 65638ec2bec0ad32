package dev.jcompose.model;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.YamlPath;
import java.nio.file.Path;
import java.util.List;

/**
 * Where each key of a loaded project was written: the YAML path → source position map the loader
 * keeps (the project's files as parsed, with their marks), so a check made after binding still
 * points at {@code compose.yaml:12:5}. A key set in several files is found in the last one (the
 * one that won the merge); a key the files do not spell out (a default, an {@code extends} from
 * another file) points at the nearest enclosing key that is written, else at the first file.
 *
 * <p>Positions are not part of what a project means: every source map equals every other, so two
 * projects that differ only in where their keys were written are equal.
 */
public final class SourceMap {

    /** The map of a project built in code: every path points at no file. */
    public static final SourceMap NONE = new SourceMap(List.of(), "");

    private final List<Node> roots;
    private final String firstFile;

    private SourceMap(List<Node> roots, String firstFile) {
        this.roots = roots;
        this.firstFile = firstFile;
    }

    /** The map of {@code roots}, the parsed documents of the project's files in load order. */
    public static SourceMap of(List<Node> roots, String firstFile) {
        return new SourceMap(List.copyOf(roots), firstFile);
    }

    /** The mark of {@code path}'s key, or of its nearest written ancestor. */
    public Mark find(YamlPath path) {
        for (YamlPath p = path; ; p = p.parent()) {
            for (int i = roots.size() - 1; i >= 0; i--) {
                Mark m = markOf(roots.get(i), p);
                if (m != null) {
                    return m;
                }
            }
            if (p.isRoot()) {
                return new Mark(firstFile, 0, 0);
            }
        }
    }

    /** As {@link #find}, the file named relative to {@code dir} when it lies under it. */
    public Mark find(YamlPath path, Path dir) {
        Mark m = find(path);
        if (dir == null || m.file().isEmpty()) {
            return m;
        }
        Path file = Path.of(m.file());
        if (file.isAbsolute() && file.startsWith(dir)) {
            return new Mark(dir.relativize(file).toString(), m.line(), m.column());
        }
        return m;
    }

    /** A problem at {@code path}, where it was written: {@code file:line:col: path: message}. */
    public Problem error(YamlPath path, String message) {
        return Problem.error(find(path), path, message);
    }

    private static Mark markOf(Node root, YamlPath path) {
        Node node = root;
        Mark mark = root.mark();
        for (Object segment : path.segments()) {
            if (segment instanceof String key && node instanceof MapNode map && map.has(key)) {
                mark = map.keyMark(key);
                node = map.get(key);
            } else if (segment instanceof Integer i && node instanceof SeqNode seq
                    && i < seq.size()) {
                node = seq.get(i);
                mark = node.mark();
            } else {
                return null;
            }
        }
        return mark;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceMap;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "SourceMap[" + roots.size() + " documents]";
    }
}
