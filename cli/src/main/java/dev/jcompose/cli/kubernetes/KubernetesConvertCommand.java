package dev.jcompose.cli.kubernetes;

import dev.jcompose.api.KubernetesTarget;
import dev.jcompose.api.KubernetesManifests;
import dev.jcompose.cli.CommandContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code convert kubernetes [-o DIR]}: the project as Kubernetes manifests, one YAML stream on
 * stdout, or one file per object in DIR; a warning on stderr for each compose key that has no
 * Kubernetes meaning, at its file:line:col.
 */
@Command(name = "kubernetes", aliases = "k8s",
        description = "The project as Kubernetes manifests: a namespace, and per service a "
                + "workload, Services, claims, Secrets and ConfigMaps.")
public final class KubernetesConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Write one file per object into DIR (files an earlier convert wrote "
                    + "there and no longer needed are removed); default: one stream on stdout.")
    Path output;

    @Mixin
    ConversionMixin conversion = new ConversionMixin();

    @Override
    public Integer call() throws Exception {
        CommandContext ctx = CommandContext.of(spec);
        KubernetesManifests m = KubernetesTarget.convert(ctx.loader().load(List.of()),
                conversion.options());
        m.warnings().forEach(ctx::warn);
        if (output == null) {
            ctx.out().print(m.toYaml());
            ctx.out().flush();
        } else {
            Path dir = ctx.workingDir().resolve(output);
            List<String> written = m.writeTo(dir);
            spec.commandLine().getErr().println("wrote " + written.size() + " files to "
                    + output + " (kubectl apply -f " + output + ")");
        }
        return 0;
    }
}
