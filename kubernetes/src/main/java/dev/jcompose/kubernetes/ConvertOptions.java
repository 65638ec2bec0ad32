package dev.jcompose.kubernetes;

/**
 * How {@code convert kubernetes} turns a project into objects.
 *
 * @param namespace          the namespace of every object; null for the project's name
 * @param allowPrivileged    keep {@code privileged: true} as a privileged security context
 *                           (otherwise it is left out, with a warning)
 * @param statefulSets       services with named volumes and one replica become StatefulSets,
 *                           their volumes claim templates (one claim per pod)
 * @param volumeSize         the storage a PersistentVolumeClaim requests unless the service's
 *                           {@code kompose.volume.size} label says otherwise
 * @param waitImage          the image of the init containers that wait for a dependency's
 *                           Service (needs {@code sh}, {@code nslookup} and {@code sleep})
 * @param kubectlImage       the image of the init containers that wait for a dependency's Job
 *                           to complete ({@code kubectl wait})
 */
public record ConvertOptions(String namespace, boolean allowPrivileged, boolean statefulSets,
        String volumeSize, String waitImage, String kubectlImage) {

    public static final String DEFAULT_VOLUME_SIZE = "100Mi";
    public static final String DEFAULT_WAIT_IMAGE = "busybox:1.36";
    public static final String DEFAULT_KUBECTL_IMAGE = "registry.k8s.io/kubectl:v1.32.0";

    public ConvertOptions {
        if (volumeSize == null || volumeSize.isBlank()) {
            volumeSize = DEFAULT_VOLUME_SIZE;
        }
        if (waitImage == null || waitImage.isBlank()) {
            waitImage = DEFAULT_WAIT_IMAGE;
        }
        if (kubectlImage == null || kubectlImage.isBlank()) {
            kubectlImage = DEFAULT_KUBECTL_IMAGE;
        }
    }

    public static ConvertOptions defaults() {
        return new ConvertOptions(null, false, false, null, null, null);
    }

    public ConvertOptions withNamespace(String ns) {
        return new ConvertOptions(ns, allowPrivileged, statefulSets, volumeSize, waitImage,
                kubectlImage);
    }

    public ConvertOptions withAllowPrivileged(boolean allow) {
        return new ConvertOptions(namespace, allow, statefulSets, volumeSize, waitImage,
                kubectlImage);
    }

    public ConvertOptions withStatefulSets(boolean stateful) {
        return new ConvertOptions(namespace, allowPrivileged, stateful, volumeSize, waitImage,
                kubectlImage);
    }

    /** The namespace for {@code project}: the option, else the project's name as a DNS label. */
    public String namespaceFor(String project) {
        return namespace != null && !namespace.isBlank() ? namespace
                : dev.jcompose.kubernetes.convert.Names.dnsLabel(project);
    }
}
