package dev.jcompose.model.load;

import dev.jcompose.model.Diagnostics;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.YamlPath;
import dev.jcompose.model.tree.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-file part of the pipeline: parse, interpolate, validate, canonical form, extends.
 * Shared by the main files and the files an {@code extends: file:} names (each loaded once).
 */
final class FileLoader {

    /** Where a file's relative references resolve. */
    record Scope(Path workingDir) {
        Scope withWorkingDir(Path dir) {
            return new Scope(dir);
        }
    }

    private final LoadOptions options;
    private final Environment env;
    private final Diagnostics diag;
    private final Set<String> warned;
    private final Map<Path, MapNode> extended = new HashMap<>();

    FileLoader(LoadOptions options, Environment env, Diagnostics diag, Set<String> warned) {
        this.options = options;
        this.env = env;
        this.diag = diag;
        this.warned = warned;
    }

    Diagnostics diag() {
        return diag;
    }

    /** One file's text through parse, interpolate, validate and canonical form. */
    Node tree(String displayName, String text) {
        List<Node> documents = YamlReader.readAll(displayName, text);
        Node tree = null;
        for (Node doc : documents) {
            tree = tree == null ? doc : MergeStage.merge(tree, doc);
        }
        if (tree == null || tree.isNull()) {
            tree = MapNode.empty(new Mark(displayName, 1, 1));
        }
        if (options.interpolate()) {
            tree = new InterpolateStage(env, diag, warned).apply(tree);
            diag.throwIfErrors();
        }
        Schema.validate(tree, ComposeSchema.FILE, YamlPath.ROOT, diag);
        diag.throwIfErrors();
        tree = new CanonicalStage(diag).apply(tree);
        diag.throwIfErrors();
        return tree;
    }

    /** Applies {@code extends} in a canonical tree of the file {@code file}. */
    Node withExtends(Scope scope, String file, Node tree) {
        Node out = ExtendsStage.apply(this, scope, file, tree);
        diag.throwIfErrors();
        return out;
    }

    /** A file named by {@code extends: file:}, loaded once, or null (error reported). */
    MapNode extendedFile(Path file, Scope scope, Mark mark, YamlPath path) {
        MapNode done = extended.get(file);
        if (done != null) {
            return done;
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            diag.error(mark, path, "cannot read the extended file " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "file not found"
                    : e.getMessage()));
            return null;
        }
        Node tree = tree(file.toString(), text);
        MapNode map = tree instanceof MapNode m ? m : MapNode.empty(tree.mark());
        extended.put(file, map);
        return map;
    }
}
