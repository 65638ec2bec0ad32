package dev.jcompose.api;

import dev.jcompose.kubernetes.Manifests;
import dev.jcompose.model.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A project converted to Kubernetes objects: as text ({@link #toYaml}, {@link #writeTo}) and
 * the conversion's warnings, each at the compose key it is about.
 */
public final class KubernetesManifests {

    private final Manifests manifests;

    KubernetesManifests(Manifests manifests) {
        this.manifests = manifests;
    }

    /** The compose project's name. */
    public String project() {
        return manifests.project();
    }

    /** The namespace of every object. */
    public String namespace() {
        return manifests.namespace();
    }

    /** What the conversion left out or changed, at file:line:col of the compose key. */
    public List<Problem> warnings() {
        return manifests.warnings();
    }

    /** All objects as one YAML stream, each document after a {@code ---} line. */
    public String toYaml() {
        return manifests.toYaml();
    }

    /**
     * One file per object in {@code dir} (made if missing), {@code NN-kind-name.yaml} in apply
     * order; the files an earlier conversion wrote there that this one does not are removed,
     * other files left alone.
     *
     * @return the names of the files written
     */
    public List<String> writeTo(Path dir) throws IOException {
        return manifests.writeTo(dir);
    }
}
