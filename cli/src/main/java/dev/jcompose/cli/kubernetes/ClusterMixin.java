package dev.jcompose.cli.kubernetes;

import dev.jcompose.api.KubernetesTarget;
import dev.jcompose.cli.CommandContext;
import picocli.CommandLine.Option;

/** Which cluster: the kubeconfig's current context, or the one named. */
public final class ClusterMixin {

    @Option(names = "--context", paramLabel = "NAME",
            description = "kubeconfig context (default: the current one).")
    String context;

    /** The cluster, for a command's context (its environment and progress display). */
    KubernetesTarget target(CommandContext ctx) {
        return KubernetesTarget.connect(context, ctx.env(), ctx.progress());
    }
}
