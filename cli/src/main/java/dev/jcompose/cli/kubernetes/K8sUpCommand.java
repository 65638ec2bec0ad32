package dev.jcompose.cli.kubernetes;

import dev.jcompose.api.KubernetesDeployOptions;
import dev.jcompose.api.KubernetesManifests;
import dev.jcompose.api.KubernetesTarget;
import dev.jcompose.cli.CommandContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code k8s up}: apply the project's objects server-side and wait for the rollouts. */
@Command(name = "up", description = "Apply the project to the cluster (server-side apply, "
        + "a namespace per project) and wait until its workloads have rolled out.")
public final class K8sUpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-d", "--no-wait"}, description = "Do not wait for the rollouts.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "How long to wait for the rollouts (default: 300).")
    long timeout = KubernetesDeployOptions.DEFAULT_TIMEOUT.toSeconds();

    @Option(names = "--remove-orphans",
            description = "Delete the project's objects the files no longer define.")
    boolean removeOrphans;

    @Mixin
    ConversionMixin conversion = new ConversionMixin();

    @Mixin
    ClusterMixin cluster = new ClusterMixin();

    @Override
    public Integer call() throws Exception {
        CommandContext ctx = CommandContext.of(spec);
        var project = ctx.loader().load(List.of());
        try (KubernetesTarget target = cluster.target(ctx)) {
            KubernetesManifests m = target.up(project, conversion.options(),
                    new KubernetesDeployOptions(!noWait, Duration.ofSeconds(timeout),
                            removeOrphans));
            ctx.finishProgress();
            m.warnings().forEach(ctx::warn);
        }
        return 0;
    }
}
