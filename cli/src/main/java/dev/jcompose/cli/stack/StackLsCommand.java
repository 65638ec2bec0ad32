package dev.jcompose.cli.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code stack ls}: the stacks on the swarm. */
@Command(name = "ls", aliases = "list", description = "List stacks.")
final class StackLsCommand implements Callable<Integer> {

    @ParentCommand
    StackCommand stack;

    @Mixin
    ListFormat format;

    @Override
    public Integer call() {
        format.check();
        List<List<String>> rows = new ArrayList<>();
        stack.service().list().forEach(s -> rows.add(List.of(s.name(),
                String.valueOf(s.services()))));
        format.print(stack.context(), List.of("NAME", "SERVICES"), List.of("Name", "Services"),
                rows);
        return 0;
    }
}
