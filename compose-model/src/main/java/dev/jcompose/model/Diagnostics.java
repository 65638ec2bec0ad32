package dev.jcompose.model;

import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the problems a loading stage finds, so a stage reports all of them and not only the
 * first. Stages call {@link #throwIfErrors()} at their end.
 */
public final class Diagnostics {

    /** At most this many errors are reported; a file with more is usually not a compose file. */
    public static final int MAX_ERRORS = 50;

    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final Consumer<Problem> warningSink;

    public Diagnostics(Consumer<Problem> warningSink) {
        this.warningSink = warningSink;
    }

    public Diagnostics() {
        this(p -> { });
    }

    public void error(Mark mark, YamlPath path, String message) {
        add(Problem.error(mark, path, message));
    }

    public void error(Node node, YamlPath path, String message) {
        add(Problem.error(node.mark(), path, message));
    }

    public void warning(Mark mark, YamlPath path, String message) {
        add(Problem.warning(mark, path, message));
    }

    public void add(Problem p) {
        if (p.isError()) {
            if (errors.size() < MAX_ERRORS && !errors.contains(p)) {
                errors.add(p);
            }
        } else if (!warnings.contains(p)) {
            warnings.add(p);
            warningSink.accept(p);
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<Problem> errors() {
        return List.copyOf(errors);
    }

    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    public void throwIfErrors() {
        if (!errors.isEmpty()) {
            throw new ComposeFileException(errors);
        }
    }
}
