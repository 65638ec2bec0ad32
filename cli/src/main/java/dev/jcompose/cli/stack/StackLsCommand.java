package dev.jcompose.cli.stack;

import dev.jcompose.swarm.StackSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code stack ls}: the stacks on the swarm. */
@Command(name = "ls", aliases = "list", description = "List stacks.")
final class StackLsCommand implements Callable<Integer> {

    @ParentCommand
    StackCommand stack;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table or json.")
    String format = "table";

    @Override
    public Integer call() {
        Tables.checkFormat(spec, format);
        List<StackSummary> stacks = stack.service().list();
        List<List<String>> rows = new ArrayList<>();
        stacks.forEach(s -> rows.add(List.of(s.name(), String.valueOf(s.services()))));
        Tables.print(stack.context(), format, List.of("NAME", "SERVICES"),
                List.of("Name", "Services"), rows);
        return 0;
    }
}
