package dev.jcompose.cli.stack;

import dev.jcompose.api.ProjectOptions;
import dev.jcompose.api.StackService;
import dev.jcompose.cli.CommandContext;
import dev.jcompose.model.Project;
import dev.jcompose.model.load.ModelPrinter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stack config}: the files merged and interpolated as a deploy reads them, or the swarm
 * specs it would send; both after the check, with its warnings.
 */
@Command(name = "config", description = "Print the final config: the merged, interpolated "
        + "files, or with --specs the swarm specs a deploy sends.")
final class StackConfigCommand implements Callable<Integer> {

    @ParentCommand
    StackCommand stack;

    @Mixin
    StackFiles files;

    @Option(names = "--specs", description = "Print the services', networks', secrets' and "
            + "configs' swarm specs (JSON), objects by name.")
    boolean specs;

    @Parameters(paramLabel = "STACK", arity = "0..1",
            description = "The stack's name (default: the project's).")
    String name;

    @Override
    public Integer call() {
        CommandContext c = stack.context();
        ProjectOptions options = files.options(c, name);
        StackService stacks = stack.service();
        Project project = stacks.load(name, options, c.in());
        PrintWriter out = c.out();
        if (specs) {
            out.print(stacks.specs(project));
        } else {
            stacks.validate(project);
            out.print(ModelPrinter.yaml(ModelPrinter.toTree(project)));
        }
        out.flush();
        return 0;
    }
}
