package dev.jcompose.cli.stack;

import dev.jcompose.api.SwarmTask;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stack ps}: the tasks of a stack, where they run and how they are. */
@Command(name = "ps", description = "List the tasks in the stack.")
final class StackPsCommand implements Callable<Integer> {

    @ParentCommand
    StackCommand stack;

    @Mixin
    ListFormat format;

    @Option(names = {"-q", "--quiet"}, description = "Only display task IDs.")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Do not truncate IDs and errors.")
    boolean noTrunc;

    @Parameters(paramLabel = "STACK", description = "The stack's name.")
    String name;

    @Override
    public Integer call() {
        format.check();
        List<SwarmTask> tasks = stack.service().tasks(name);
        if (quiet) {
            PrintWriter out = stack.context().out();
            tasks.forEach(t -> out.println(id(t.id())));
            out.flush();
            return 0;
        }
        Instant now = Instant.now();
        List<List<String>> rows = new ArrayList<>();
        for (SwarmTask t : tasks) {
            rows.add(List.of(id(t.id()), t.name(), t.image(), t.node(), capital(t.desiredState()),
                    capital(t.state()) + " " + ago(Duration.between(t.since(), now)),
                    noTrunc || t.error().length() <= 40 ? t.error()
                            : t.error().substring(0, 39) + "…", String.join(",", t.ports())));
        }
        format.print(stack.context(), List.of("ID", "NAME", "IMAGE", "NODE", "DESIRED STATE",
                "CURRENT STATE", "ERROR", "PORTS"), List.of("ID", "Name", "Image", "Node",
                "DesiredState", "CurrentState", "Error", "Ports"), rows);
        return 0;
    }

    private String id(String id) {
        return noTrunc || id.length() <= 12 ? id : id.substring(0, 12);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** How long ago, as the docker CLI says it: {@code 5 seconds ago}, {@code 2 hours ago}. */
    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        String text;
        if (s < 1) {
            text = "Less than a second";
        } else if (s < 60) {
            text = s + (s == 1 ? " second" : " seconds");
        } else if (s < 120) {
            text = "About a minute";
        } else if (s < 3600) {
            text = s / 60 + " minutes";
        } else if (s < 7200) {
            text = "About an hour";
        } else if (s < 48 * 3600) {
            text = s / 3600 + " hours";
        } else {
            text = s / 86400 + " days";
        }
        return text + " ago";
    }
}
