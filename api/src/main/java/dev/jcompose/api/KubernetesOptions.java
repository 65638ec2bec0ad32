package dev.jcompose.api;

/**
 * How a project is turned into Kubernetes objects ({@code convert kubernetes}, {@code k8s up}).
 * Null or blank for a default.
 *
 * @param namespace       the namespace of every object; null for the project's name
 * @param allowPrivileged keep {@code privileged: true} as a privileged security context
 *                        (otherwise it is left out, with a warning)
 * @param statefulSets    services with named volumes and one replica become StatefulSets
 * @param volumeSize      the storage a claim requests (default {@code 100Mi}) unless the
 *                        service's {@code kompose.volume.size} label says otherwise
 * @param waitImage       the image of the init containers that wait for a dependency's
 *                        Service (default {@code busybox:1.36})
 * @param kubectlImage    the image of the init containers that wait for a dependency's Job
 *                        (default {@code registry.k8s.io/kubectl:v1.32.0})
 */
public record KubernetesOptions(String namespace, boolean allowPrivileged, boolean statefulSets,
        String volumeSize, String waitImage, String kubectlImage) {

    /** Every default: the project's namespace, nothing privileged, Deployments. */
    public static KubernetesOptions defaults() {
        return new KubernetesOptions(null, false, false, null, null, null);
    }
}
