package dev.jcompose.cli.kubernetes;

import dev.jcompose.api.KubernetesTarget;
import dev.jcompose.cli.CommandContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code k8s down}: delete what the project made, found by its label. */
@Command(name = "down", description = "Delete the project's objects from the cluster (its "
        + "claims and namespace only with -v).")
public final class K8sDownCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-v", "--volumes"},
            description = "Also delete the claims (the data) and the project's namespace.")
    boolean volumes;

    @Mixin
    ProjectNamespaceMixin where = new ProjectNamespaceMixin();

    @Override
    public Integer call() throws Exception {
        CommandContext ctx = CommandContext.of(spec);
        String project = ctx.loader().projectName();
        try (KubernetesTarget cluster = where.cluster.target(ctx)) {
            cluster.down(project, where.namespace(project), volumes);
        }
        return 0;
    }
}
