package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.Project;
import dev.jcompose.model.SourceMap;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.YamlPath;
import java.nio.file.Path;

/**
 * Where a key of the converted project was written, as its findings name it: the project's own
 * {@link SourceMap}, with files under the project directory named relative to it
 * ({@code compose.yaml:12:5}).
 */
public record SourceMarks(SourceMap map, Path dir) {

    /** Marks for a project whose files are not known (built in code). */
    public static final SourceMarks NONE = new SourceMarks(SourceMap.NONE, null);

    public static SourceMarks of(Project project) {
        return new SourceMarks(project.sources(), project.workingDir());
    }

    /** The mark of {@code path}'s key, or of its nearest written ancestor. */
    public Mark find(YamlPath path) {
        return map.find(path, dir);
    }
}
