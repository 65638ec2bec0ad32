package dev.jcompose.model.tree;

import dev.jcompose.model.Project;
import dev.jcompose.model.SourceMap;
import java.nio.file.Path;

/**
 * Where a key of a loaded project was written, as the converters that warn about keys
 * (Kubernetes, Swarm) name it: the project's own {@link SourceMap}, with files under
 * {@code dir} named relative to it ({@code compose.yaml:12:5}), or as the loader named them when
 * {@code dir} is null.
 */
public record SourceMarks(SourceMap map, Path dir) {

    /** Marks for a project whose files are not known (built in code). */
    public static final SourceMarks NONE = new SourceMarks(SourceMap.NONE, null);

    /** The project's marks, files named relative to its working directory. */
    public static SourceMarks of(Project project) {
        return of(project, project.workingDir());
    }

    /** The project's marks, files named relative to {@code relativeTo} (null: as loaded). */
    public static SourceMarks of(Project project, Path relativeTo) {
        return new SourceMarks(project.sources(), relativeTo);
    }

    /** The mark of {@code path}'s key, or of its nearest written ancestor. */
    public Mark find(YamlPath path) {
        return map.find(path, dir);
    }
}
