package dev.jcompose.swarm.check;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.YamlPath;
import dev.jcompose.model.tree.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a key of the loaded project was written: its file, line and column. The model keeps no
 * positions, so the project's files are read again (as trees with marks) and searched, the last
 * file first (it wins a merge); a key not found (set by {@code extends} or {@code include}) is
 * placed at the nearest enclosing key that is.
 */
public final class SourceMarks {

    private final List<Node> roots;
    private final Mark fallback;

    private SourceMarks(List<Node> roots, Mark fallback) {
        this.roots = roots;
        this.fallback = fallback;
    }

    /** The marks of {@code files}; a file that cannot be read again has none. */
    public static SourceMarks of(List<Path> files) {
        List<Node> roots = new ArrayList<>();
        for (Path f : files) {
            try {
                if (Files.isRegularFile(f)) {
                    roots.addAll(0, YamlReader.readAll(f.toString(), Files.readString(f)));
                }
            } catch (IOException | RuntimeException e) {
                // its load reported what is wrong with it
            }
        }
        Mark fallback = files.isEmpty() ? Mark.NONE : new Mark(files.get(0).toString(), 0, 0);
        return new SourceMarks(roots, fallback);
    }

    /** The position of {@code path}, or of its nearest enclosing key written in the files. */
    public Mark mark(YamlPath path) {
        for (YamlPath p = path; !p.isRoot(); p = p.parent()) {
            for (Node root : roots) {
                Mark m = find(root, p);
                if (m != null) {
                    return m;
                }
            }
        }
        return fallback;
    }

    private static Mark find(Node root, YamlPath path) {
        Node node = root;
        Mark mark = null;
        for (Object segment : path.segments()) {
            if (segment instanceof String key && node instanceof MapNode m && m.has(key)) {
                mark = m.keyMark(key);
                node = m.get(key);
            } else if (segment instanceof Integer i && node instanceof SeqNode s
                    && i < s.size()) {
                node = s.get(i);
                mark = node.mark();
            } else {
                return null;
            }
        }
        return mark;
    }
}
