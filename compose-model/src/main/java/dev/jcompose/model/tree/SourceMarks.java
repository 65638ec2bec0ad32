package dev.jcompose.model.tree;

import dev.jcompose.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a key of the loaded project was written: the project's files read again as the loader
 * read them (with their source marks), so a warning about {@code services.web.network_mode}
 * points at {@code compose.yaml:12:5}. A key set in several files is found in the last one (the
 * one that won the merge); a key the files do not spell out (a default, an {@code extends} from
 * another file) points at the nearest enclosing key that is written, else at the first file.
 * The converters that warn about keys (Kubernetes, Swarm) share it.
 */
public final class SourceMarks {

    /** Marks for a project whose files are not known (built in code). */
    public static final SourceMarks NONE = new SourceMarks(List.of(), "");

    private final List<Node> roots;
    private final String firstFile;

    private SourceMarks(List<Node> roots, String firstFile) {
        this.roots = roots;
        this.firstFile = firstFile;
    }

    /**
     * Reads the project's compose files, named relative to its working directory when they are
     * in it; files that cannot be read again are left out.
     */
    public static SourceMarks of(Project project) {
        return of(project.configFiles(), project.workingDir());
    }

    /**
     * Reads {@code files}, named relative to {@code relativeTo} when they are in it (null: as
     * given, as the loader names them); files that cannot be read again are left out.
     */
    public static SourceMarks of(List<Path> files, Path relativeTo) {
        List<Node> roots = new ArrayList<>();
        String first = "";
        for (Path file : files) {
            if (file == null || !Files.isRegularFile(file)) {
                continue;
            }
            String name = displayName(relativeTo, file);
            if (first.isEmpty()) {
                first = name;
            }
            try {
                roots.addAll(YamlReader.readAll(name, Files.readString(file)));
            } catch (IOException | RuntimeException e) {
                // the loader read it a moment ago; without it, warnings name the file only
            }
        }
        return new SourceMarks(List.copyOf(roots), first);
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

    private static String displayName(Path workingDir, Path file) {
        if (workingDir != null && file.isAbsolute() && file.startsWith(workingDir)) {
            return workingDir.relativize(file).toString();
        }
        return file.toString();
    }
}
