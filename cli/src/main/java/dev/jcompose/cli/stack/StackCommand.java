package dev.jcompose.cli.stack;

import dev.jcompose.api.StackService;
import dev.jcompose.cli.CommandContext;
import dev.jcompose.cli.JcomposeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code stack}: compose projects on a Docker Swarm, as {@code docker stack} does. */
@Command(name = "stack",
        description = "Deploy compose projects to a Docker Swarm as stacks (the engine at "
                + "DOCKER_HOST must be a swarm manager).",
        subcommands = {StackDeployCommand.class, StackLsCommand.class, StackPsCommand.class,
            StackServicesCommand.class, StackRmCommand.class, StackConfigCommand.class})
public final class StackCommand implements Runnable {

    @ParentCommand
    JcomposeCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "no stack command "
                + "given; run jcompose stack --help to see them (deploy, ls, ps, services, rm, "
                + "config)");
    }

    CommandContext context() {
        return CommandContext.of(root);
    }

    StackService service() {
        CommandContext c = context();
        return new StackService(c.console().env(), c::warn);
    }
}
