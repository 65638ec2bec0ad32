package dev.jcompose.cli.kubernetes;

import dev.jcompose.api.KubernetesOptions;
import picocli.CommandLine.Option;

/** The options that steer the conversion, shared by {@code convert kubernetes} and {@code k8s up}. */
public final class ConversionMixin {

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAME",
            description = "Namespace of every object (default: the project's name).")
    String namespace;

    @Option(names = "--privileged",
            description = "Keep privileged: true (left out by default, with a warning).")
    boolean privileged;

    @Option(names = "--statefulsets",
            description = "Run services with named volumes and one replica as StatefulSets.")
    boolean statefulSets;

    @Option(names = "--volume-size", paramLabel = "SIZE",
            description = "Storage each claim requests (default: 100Mi; or the "
                    + "kompose.volume.size label).")
    String volumeSize;

    @Option(names = "--wait-image", paramLabel = "IMAGE",
            description = "Image of the init containers waiting for a dependency's Service "
                    + "(default: busybox:1.36).")
    String waitImage;

    @Option(names = "--kubectl-image", paramLabel = "IMAGE",
            description = "Image of the init containers waiting for a dependency's Job "
                    + "(default: registry.k8s.io/kubectl:v1.32.0).")
    String kubectlImage;

    KubernetesOptions options() {
        return new KubernetesOptions(namespace, privileged, statefulSets, volumeSize, waitImage,
                kubectlImage);
    }
}
