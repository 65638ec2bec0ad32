package dev.jcompose.model;

import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.YamlPath;

/**
 * One thing wrong (or worth a warning) in the user's compose files: where it is (file:line:col
 * and the YAML path of the key) and what is wrong, phrased as one paragraph.
 */
public record Problem(Severity severity, Mark mark, YamlPath path, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(Mark mark, YamlPath path, String message) {
        return new Problem(Severity.ERROR, mark, path, message);
    }

    public static Problem warning(Mark mark, YamlPath path, String message) {
        return new Problem(Severity.WARNING, mark, path, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: path: message}, leaving out what is not known. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (mark != null && (mark.isKnown() || !mark.file().isEmpty())) {
            sb.append(mark).append(": ");
        }
        if (path != null && !path.isRoot()) {
            sb.append(path).append(": ");
        }
        sb.append(message);
        return sb.toString();
    }
}
