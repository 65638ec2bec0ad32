package dev.jcompose.model.load;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.YamlPath;
import dev.jcompose.model.tree.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a key of a loaded project was written, for a check made after the load (the engine's
 * API version is only known then): the key's {@code file:line:col} in the last compose file that
 * sets it (an override file wins, as in the merge). A key set elsewhere (through {@code extends}
 * or {@code include}) is pointed at by its nearest enclosing key that the files set, usually the
 * service's; a file that cannot be read any more is named without a line.
 */
public final class KeyPositions {

    private KeyPositions() {
    }

    /** The position of {@code path} in {@code files} (the project's compose files, in order). */
    public static Mark find(List<Path> files, YamlPath path) {
        for (YamlPath p = path; !p.isRoot(); p = p.parent()) {
            Mark found = null;
            for (Path file : files) {
                Mark m = in(file, p);
                if (m != null) {
                    found = m;
                }
            }
            if (found != null) {
                return found;
            }
        }
        return files.isEmpty() ? Mark.NONE : new Mark(files.get(0).toString(), 0, 0);
    }

    private static Mark in(Path file, YamlPath path) {
        List<Node> docs;
        try {
            docs = YamlReader.readAll(file.toString(), Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (Node doc : docs) {
            Mark m = at(doc, path.segments());
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static Mark at(Node node, List<Object> segments) {
        Node n = node;
        for (int i = 0; i < segments.size(); i++) {
            Object s = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (s instanceof String key && n instanceof MapNode m && m.has(key)) {
                if (last) {
                    return m.keyMark(key);
                }
                n = m.get(key);
            } else if (s instanceof Integer index && n instanceof SeqNode q
                    && index < q.items().size()) {
                n = q.items().get(index);
                if (last) {
                    return n.mark();
                }
            } else {
                return null;
            }
        }
        return null;
    }
}
