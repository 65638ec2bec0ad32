package dev.jcompose.model.load;

import dev.jcompose.model.Diagnostics;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Substitutes variables in every string value of one file (not in keys). A variable used without
 * a value or default becomes "" and is reported once as a warning; {@code ${X:?msg}} errors point
 * at the value.
 */
public final class InterpolateStage {

    private final Environment env;
    private final Diagnostics diag;
    private final Set<String> warned;

    /**
     * @param warned variables already warned about (shared across the files of one load)
     */
    public InterpolateStage(Environment env, Diagnostics diag, Set<String> warned) {
        this.env = env;
        this.diag = diag;
        this.warned = warned;
    }

    public Node apply(Node root) {
        return walk(root, YamlPath.ROOT);
    }

    private Node walk(Node node, YamlPath path) {
        return switch (node) {
            case MapNode m -> m.mapValues((k, v) -> walk(v, path.key(k)));
            case SeqNode s -> {
                List<Node> items = new ArrayList<>(s.size());
                boolean changed = false;
                for (int i = 0; i < s.size(); i++) {
                    Node out = walk(s.get(i), path.index(i));
                    changed |= out != s.get(i);
                    items.add(out);
                }
                yield changed ? s.withItems(items) : s;
            }
            case ScalarNode s -> substitute(s, path);
        };
    }

    private Node substitute(ScalarNode s, YamlPath path) {
        if (!(s.value() instanceof String text) || text.indexOf('$') < 0) {
            return s;
        }
        Interpolator interpolator = new Interpolator(env::get, name -> {
            if (warned.add(name)) {
                diag.warning(s.mark(), path, "the \"" + name
                        + "\" variable is not set; defaulting to a blank string");
            }
        });
        try {
            return s.withValue(interpolator.substitute(text));
        } catch (Interpolator.InterpolationException e) {
            diag.error(s, path, e.getMessage());
            return s;
        }
    }
}
