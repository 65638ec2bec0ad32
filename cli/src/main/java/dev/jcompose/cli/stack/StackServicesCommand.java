package dev.jcompose.cli.stack;

import dev.jcompose.swarm.StackServiceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stack services}: the services of a stack and their replicas. */
@Command(name = "services", description = "List the services in the stack.")
final class StackServicesCommand implements Callable<Integer> {

    @ParentCommand
    StackCommand stack;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-q", "--quiet"}, description = "Only display service IDs.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table or json.")
    String format = "table";

    @Parameters(paramLabel = "STACK", description = "The stack's name.")
    String name;

    @Override
    public Integer call() {
        Tables.checkFormat(spec, format);
        List<StackServiceInfo> services = stack.service().services(name);
        if (quiet) {
            services.forEach(s -> stack.context().console().out().println(s.id()));
            stack.context().console().out().flush();
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (StackServiceInfo s : services) {
            rows.add(List.of(s.id().length() > 12 ? s.id().substring(0, 12) : s.id(), s.name(),
                    s.mode(), s.replicas(), s.image(), String.join(", ", s.ports())));
        }
        Tables.print(stack.context(), format, List.of("ID", "NAME", "MODE", "REPLICAS", "IMAGE",
                "PORTS"), List.of("ID", "Name", "Mode", "Replicas", "Image", "Ports"), rows);
        return 0;
    }
}
