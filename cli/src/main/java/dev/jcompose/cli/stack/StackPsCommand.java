package dev.jcompose.cli.stack;

import dev.jcompose.swarm.StackTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stack ps}: the tasks of a stack, where they run and how they are. */
@Command(name = "ps", description = "List the tasks in the stack.")
final class StackPsCommand implements Callable<Integer> {

    @ParentCommand
    StackCommand stack;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-q", "--quiet"}, description = "Only display task IDs.")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Do not truncate IDs and errors.")
    boolean noTrunc;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table or json.")
    String format = "table";

    @Parameters(paramLabel = "STACK", description = "The stack's name.")
    String name;

    @Override
    public Integer call() {
        Tables.checkFormat(spec, format);
        List<StackTask> tasks = stack.service().tasks(name);
        if (quiet) {
            tasks.forEach(t -> stack.context().console().out().println(id(t.id())));
            stack.context().console().out().flush();
            return 0;
        }
        Instant now = Instant.now();
        List<List<String>> rows = new ArrayList<>();
        for (StackTask t : tasks) {
            rows.add(List.of(id(t.id()), t.name(), t.image(), t.node(), capital(t.desiredState()),
                    capital(t.state()) + " " + Tables.ago(Duration.between(t.since(), now)),
                    noTrunc || t.error().length() <= 40 ? t.error()
                            : t.error().substring(0, 39) + "…", String.join(",", t.ports())));
        }
        Tables.print(stack.context(), format, List.of("ID", "NAME", "IMAGE", "NODE",
                "DESIRED STATE", "CURRENT STATE", "ERROR", "PORTS"), List.of("ID", "Name",
                "Image", "Node", "DesiredState", "CurrentState", "Error", "Ports"), rows);
        return 0;
    }

    private String id(String id) {
        return noTrunc || id.length() <= 12 ? id : id.substring(0, 12);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
