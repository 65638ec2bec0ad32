package dev.jcompose.kubernetes;

import dev.jcompose.kubernetes.convert.Conversion;
import dev.jcompose.kubernetes.convert.FileSource;
import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Project;
import dev.jcompose.model.tree.SourceMarks;

/**
 * Turns a loaded compose project into Kubernetes objects: a namespace, and per service a
 * workload, its Services, claims, Secrets and ConfigMaps. Pure: reads only the files the
 * project's secrets, configs and shipped bind mounts come from.
 */
public final class KubernetesConverter {

    private KubernetesConverter() {
    }

    /**
     * Converts {@code project}; warnings name the compose key that has no Kubernetes meaning.
     *
     * @throws ComposeFileException when a file the objects need cannot be read, or a variable
     *                              a secret comes from is unset (each at its key)
     */
    public static Manifests convert(Project project, ConvertOptions options) {
        return convert(project, options, SourceMarks.of(project), FileSource.DISK);
    }

    /** As {@link #convert(Project, ConvertOptions)}, with the marks and files given. */
    public static Manifests convert(Project project, ConvertOptions options, SourceMarks marks,
            FileSource files) {
        return new Conversion(project, options, marks, files).run();
    }
}
