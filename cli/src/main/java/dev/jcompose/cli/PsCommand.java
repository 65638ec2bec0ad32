package dev.jcompose.cli;

import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.PsOptions;
import dev.jcompose.model.load.ModelPrinter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ps}: list the project's containers. */
@Command(name = "ps", description = "List containers.")
final class PsCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-a", "--all"}, description = "Show stopped containers too.")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display container IDs.")
    boolean quiet;

    @Option(names = "--services", description = "Display the services.")
    boolean servicesOnly;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only containers in this state (repeatable): created, restarting, "
                    + "running, removing, paused, exited, dead.")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "KEY=VALUE",
            description = "Filter containers; supported: status=STATUS.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output format: table or json (default: table).")
    String format = "table";

    @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
    List<String> services = new ArrayList<>();

    private static final List<String> STATES = List.of("created", "restarting", "running",
            "removing", "paused", "exited", "dead");

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw CommandException.usage("--format must be table or json, not \"" + format + "\"");
        }
        List<String> wanted = new ArrayList<>(statuses);
        for (String f : filters) {
            if (!f.startsWith("status=")) {
                throw CommandException.usage("--filter " + f + " is not supported (use "
                        + "status=STATUS)");
            }
            wanted.add(f.substring("status=".length()));
        }
        for (String st : wanted) {
            if (!STATES.contains(st)) {
                throw CommandException.usage("--status " + st + " is not a container state ("
                        + String.join(", ", STATES) + ")");
            }
        }
        String name = root.loader().projectName();
        List<ContainerInfo> containers = root.service().ps(name,
                new PsOptions(all || !wanted.isEmpty(), services));
        if (!wanted.isEmpty()) {
            containers = containers.stream().filter(c -> wanted.contains(c.state())).toList();
        }
        PrintWriter out = root.console().out();
        if (quiet) {
            containers.forEach(c -> out.println(c.id()));
        } else if (servicesOnly) {
            new LinkedHashSet<>(containers.stream().map(ContainerInfo::service).toList())
                    .forEach(out::println);
        } else if (format.equals("json")) {
            List<Object> rows = new ArrayList<>();
            containers.forEach(c -> rows.add(json(c)));
            out.print(ModelPrinter.json(rows));
        } else {
            Table t = new Table("NAME", "SERVICE", "IMAGE", "STATUS", "PORTS");
            for (ContainerInfo c : containers) {
                t.row(c.name(), c.service(), c.image(), c.status(), c.ports().stream()
                        .map(ContainerInfo.Port::toString).collect(Collectors.joining(", ")));
            }
            t.print(out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(ContainerInfo c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ID", c.id());
        m.put("Name", c.name());
        m.put("Project", c.project());
        m.put("Service", c.service());
        m.put("Image", c.image());
        m.put("State", c.state());
        m.put("Health", c.health() == null ? "" : c.health());
        m.put("ExitCode", c.exitCode() == null ? 0 : c.exitCode());
        m.put("Status", c.status());
        List<Object> publishers = new ArrayList<>();
        for (ContainerInfo.Port p : c.ports()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("URL", p.hostIp());
            pm.put("TargetPort", p.containerPort());
            pm.put("PublishedPort", p.hostPort());
            pm.put("Protocol", p.protocol());
            publishers.add(pm);
        }
        m.put("Publishers", publishers);
        return m;
    }
}
