package dev.jcompose.cli.stack;

import dev.jcompose.api.StackService;
import dev.jcompose.cli.CommandContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stack}: compose projects on a Docker Swarm, as {@code docker stack} does. */
@Command(name = "stack",
        description = "Deploy compose projects to a Docker Swarm as stacks. The engine is the "
                + "one every command uses (--context, -H, DOCKER_HOST, DOCKER_CONTEXT, the "
                + "current docker context); it must be a swarm manager.",
        subcommands = {StackDeployCommand.class, StackLsCommand.class, StackPsCommand.class,
            StackServicesCommand.class, StackRmCommand.class, StackConfigCommand.class},
        footer = {
            "",
            "Examples:",
            "  jcompose stack deploy -c compose.yaml --wait shop   deploy, wait until converged",
            "  jcompose --context prod stack ps shop      the tasks on context prod's swarm",
            "  jcompose stack config --specs shop         the swarm specs a deploy sends",
            "  jcompose stack rm shop                     remove the stack and its objects"
        })
public final class StackCommand implements Runnable {

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
        return CommandContext.of(spec);
    }

    StackService service() {
        return context().stacks();
    }
}
