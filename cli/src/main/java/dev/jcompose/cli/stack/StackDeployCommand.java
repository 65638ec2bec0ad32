package dev.jcompose.cli.stack;

import dev.jcompose.api.ProjectOptions;
import dev.jcompose.api.StackDeployOptions;
import dev.jcompose.api.StackService;
import dev.jcompose.cli.CommandContext;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stack deploy}: create or update a stack from compose files. */
@Command(name = "deploy", description = "Deploy a new stack or update an existing one.")
final class StackDeployCommand implements Callable<Integer> {

    @ParentCommand
    StackCommand stack;

    @Mixin
    StackFiles files;

    @Option(names = "--prune",
            description = "Remove services no longer in the files, and networks, secrets and "
                    + "configs nothing uses any more.")
    boolean prune;

    @Option(names = "--wait",
            description = "Return when every service converged (running, healthy; jobs "
                    + "completed); fail naming those that did not.")
    boolean await;

    @Option(names = {"-d", "--detach"}, arity = "0..1", paramLabel = "BOOL",
            description = "Do not wait (the default); --detach=false is --wait, as with "
                    + "docker stack deploy.")
    Boolean detach;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS",
            description = "How long --wait, and a service's wait for its dependencies, wait at "
                    + "most.")
    Integer waitTimeout;

    @Parameters(paramLabel = "STACK", description = "The stack's name.")
    String name;

    @Override
    public Integer call() throws Exception {
        CommandContext c = stack.context();
        ProjectOptions options = files.options(c, name);
        StackService stacks = stack.service();
        StackDeployOptions deploy = new StackDeployOptions(prune,
                await || Boolean.FALSE.equals(detach),
                waitTimeout == null ? null : Duration.ofSeconds(waitTimeout));
        stacks.deploy(stacks.load(name, options, c.in()), deploy);
        return 0;
    }
}
