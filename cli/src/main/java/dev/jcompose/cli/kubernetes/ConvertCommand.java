package dev.jcompose.cli.kubernetes;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code convert TARGET}: the project as another platform's objects. One subcommand per target,
 * each with its own options ({@code kubernetes} now).
 */
@Command(name = "convert", description = "Convert the project to another platform's objects.",
        subcommands = KubernetesConvertCommand.class)
public final class ConvertCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "convert needs a target: "
                + "jcompose convert kubernetes [-o DIR] (for the compose model itself, "
                + "jcompose config)");
    }
}
