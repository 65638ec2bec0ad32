package dev.jcompose.cli.kubernetes;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code k8s up|down|ps}: the project on the Kubernetes cluster of the kubeconfig. */
@Command(name = "k8s", description = "Run the project on a Kubernetes cluster (kubeconfig).",
        subcommands = {K8sUpCommand.class, K8sDownCommand.class, K8sPsCommand.class})
public final class K8sCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "k8s needs a command: up, down or ps");
    }
}
