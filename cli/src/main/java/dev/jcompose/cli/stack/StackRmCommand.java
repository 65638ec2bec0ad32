package dev.jcompose.cli.stack;

import dev.jcompose.api.StackService;
import dev.jcompose.cli.CommandContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stack rm}: remove stacks, everything of them. */
@Command(name = "rm", aliases = {"remove", "down"}, description = "Remove one or more stacks.")
final class StackRmCommand implements Callable<Integer> {

    @ParentCommand
    StackCommand stack;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-d", "--detach"}, arity = "0..1", paramLabel = "BOOL",
            description = "Return without waiting for the tasks to end (default: wait).")
    boolean detach;

    @Parameters(paramLabel = "STACK", arity = "1..*", description = "The stacks' names.")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CommandContext c = stack.context();
        StackService stacks = stack.service();
        List<String> empty = new ArrayList<>();
        for (String name : names) {
            if (!stacks.remove(name, detach)) {
                empty.add(name);
            }
        }
        c.finishProgress();
        empty.forEach(n -> c.err().println("Nothing found in stack: " + n));
        c.err().flush();
        return 0;
    }
}
