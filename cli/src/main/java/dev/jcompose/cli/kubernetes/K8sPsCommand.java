package dev.jcompose.cli.kubernetes;

import dev.jcompose.api.KubernetesTarget;
import dev.jcompose.api.PodStatus;
import dev.jcompose.cli.CommandContext;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code k8s ps}: the project's pods. */
@Command(name = "ps", description = "List the project's pods on the cluster.")
public final class K8sPsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Mixin
    ProjectNamespaceMixin where = new ProjectNamespaceMixin();

    @Override
    public Integer call() throws Exception {
        CommandContext ctx = CommandContext.of(spec);
        String project = ctx.loader().projectName();
        List<PodStatus> pods;
        try (KubernetesTarget cluster = where.cluster.target(ctx)) {
            pods = cluster.ps(project, where.namespace(project));
        }
        print(ctx.out(), pods);
        return 0;
    }

    static void print(PrintWriter out, List<PodStatus> pods) {
        String format = "%-40s %-20s %-20s %-6s %s%n";
        out.printf(format, "NAME", "SERVICE", "STATUS", "READY", "RESTARTS");
        for (PodStatus p : pods) {
            out.printf(format, p.name(), p.service(), p.status(), p.ready(), p.restarts());
        }
        out.flush();
    }
}
