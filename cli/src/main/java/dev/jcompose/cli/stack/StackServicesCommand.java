package dev.jcompose.cli.stack;

import dev.jcompose.api.SwarmService;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stack services}: the services of a stack and their replicas. */
@Command(name = "services", description = "List the services in the stack.")
final class StackServicesCommand implements Callable<Integer> {

    @ParentCommand
    StackCommand stack;

    @Mixin
    ListFormat format;

    @Option(names = {"-q", "--quiet"}, description = "Only display service IDs.")
    boolean quiet;

    @Parameters(paramLabel = "STACK", description = "The stack's name.")
    String name;

    @Override
    public Integer call() {
        format.check();
        List<SwarmService> services = stack.service().services(name);
        List<List<String>> rows = new ArrayList<>();
        for (SwarmService s : services) {
            rows.add(List.of(s.id().length() > 12 ? s.id().substring(0, 12) : s.id(), s.name(),
                    s.mode(), s.replicas(), s.image(), String.join(", ", s.ports())));
        }
        if (quiet) {
            PrintWriter out = stack.context().out();
            services.forEach(s -> out.println(s.id()));
            out.flush();
        } else {
            format.print(stack.context(), List.of("ID", "NAME", "MODE", "REPLICAS", "IMAGE",
                    "PORTS"), List.of("ID", "Name", "Mode", "Replicas", "Image", "Ports"), rows);
        }
        return 0;
    }
}
