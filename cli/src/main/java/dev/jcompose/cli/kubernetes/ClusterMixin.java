package dev.jcompose.cli.kubernetes;

import dev.jcompose.api.KubernetesTarget;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Option;

/** Which cluster: the kubeconfig's current context, or the one named. */
public final class ClusterMixin {

    @Option(names = "--context", paramLabel = "NAME",
            description = "kubeconfig context (default: the current one).")
    String context;

    KubernetesClient client(java.util.Map<String, String> env) {
        return KubernetesTarget.client(context, env);
    }
}
