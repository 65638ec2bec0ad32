package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import dev.jcompose.model.tree.SourceMarks;
import dev.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * The warnings and errors of one conversion, each at the file, line and column of the compose
 * key it is about.
 */
public final class Findings {

    private final SourceMarks marks;
    private final List<Problem> warnings = new ArrayList<>();
    private final List<Problem> errors = new ArrayList<>();

    public Findings(SourceMarks marks) {
        this.marks = marks;
    }

    public void warn(YamlPath path, String message) {
        Problem p = Problem.warning(marks.find(path), path, message);
        if (!warnings.contains(p)) {
            warnings.add(p);
        }
    }

    public void error(YamlPath path, String message) {
        errors.add(Problem.error(marks.find(path), path, message));
    }

    /** The warnings in the order of the files: by file, line and column. */
    public List<Problem> warnings() {
        List<Problem> sorted = new ArrayList<>(warnings);
        sorted.sort(java.util.Comparator.comparing((Problem p) -> p.mark().file())
                .thenComparingInt(p -> p.mark().line())
                .thenComparingInt(p -> p.mark().column()));
        return List.copyOf(sorted);
    }

    /** Throws the errors found, all of them, as the loader does. */
    public void throwIfErrors() {
        if (!errors.isEmpty()) {
            throw new ComposeFileException(errors);
        }
    }
}
