package dev.jcompose.cli;

import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.PsOptions;
import dev.jcompose.model.load.ModelPrinter;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code port} and {@code ls}: answers about what runs, no changes. */
final class InfoCommands {

    private InfoCommands() {
    }

    @Command(name = "port", description = "Print the public address a container port is "
            + "published on.")
    static final class Port implements Callable<Integer> {

        @ParentCommand
        JcomposeCommand root;

        @Option(names = "--protocol", paramLabel = "tcp|udp", description = "Default: tcp.")
        String protocol = "tcp";

        @Option(names = "--index", paramLabel = "N",
                description = "Which of the service's containers (default: 1).")
        int index = 1;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @Parameters(index = "0", paramLabel = "SERVICE")
        String service;

        @Parameters(index = "1", paramLabel = "PRIVATE_PORT")
        int port;

        @Override
        public Integer call() {
            String name = root.loader().projectName();
            List<ContainerInfo> containers = root.service().ps(name, new PsOptions(false,
                    List.of(service))).stream().filter(c -> !c.oneOff()
                            && c.number() == index).toList();
            if (containers.isEmpty()) {
                throw new CommandException("service \"" + service + "\" has no running "
                        + "container number " + index + " in project " + name, ExitCodes.FAILURE);
            }
            List<ContainerInfo.Port> published = containers.get(0).ports().stream()
                    .filter(p -> p.containerPort() == port && p.protocol().equals(protocol)
                            && p.hostPort() > 0).toList();
            if (published.isEmpty()) {
                throw new CommandException("port " + port + "/" + protocol + " of service \""
                        + service + "\" is not published", ExitCodes.FAILURE);
            }
            ContainerInfo.Port p = published.stream().filter(x -> !x.hostIp().contains(":"))
                    .findFirst().orElse(published.get(0));
            root.console().out().println(p.hostIp() + ":" + p.hostPort());
            root.console().out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "ls", description = "List the compose projects on the engine.")
    static final class Ls implements Callable<Integer> {

        @ParentCommand
        JcomposeCommand root;

        @Option(names = {"-a", "--all"}, description = "Include projects with no running "
                + "container.")
        boolean all;

        @Option(names = {"-q", "--quiet"}, description = "Only print the project names.")
        boolean quiet;

        @Option(names = "--format", paramLabel = "FORMAT", description = "table or json.")
        String format = "table";

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @Override
        public Integer call() {
            if (!format.equals("table") && !format.equals("json")) {
                throw CommandException.usage("--format must be table or json, not \"" + format
                        + "\"");
            }
            Map<String, Map<String, Integer>> states = new TreeMap<>();
            Map<String, String> files = new LinkedHashMap<>();
            for (ContainerSummary c : root.engine().listContainers(Map.of(Labels.PROJECT, ""),
                    true)) {
                String project = c.label(Labels.PROJECT);
                states.computeIfAbsent(project, k -> new TreeMap<>()).merge(c.state(), 1,
                        Integer::sum);
                if (c.label(Labels.CONFIG_FILES) != null) {
                    files.putIfAbsent(project, c.label(Labels.CONFIG_FILES));
                }
            }
            PrintWriter out = root.console().out();
            List<Object> rows = new ArrayList<>();
            Table table = new Table("NAME", "STATUS", "CONFIG FILES");
            states.forEach((project, byState) -> {
                if (!all && !byState.containsKey("running")) {
                    return;
                }
                StringBuilder status = new StringBuilder();
                byState.forEach((state, n) -> status.append(status.isEmpty() ? "" : ", ")
                        .append(state).append('(').append(n).append(')'));
                String f = files.getOrDefault(project, "");
                if (quiet) {
                    out.println(project);
                } else if (format.equals("json")) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("Name", project);
                    row.put("Status", status.toString());
                    row.put("ConfigFiles", f);
                    rows.add(row);
                } else {
                    table.row(project, status.toString(), f);
                }
            });
            if (!quiet) {
                if (format.equals("json")) {
                    out.println(ModelPrinter.jsonLine(rows));
                } else {
                    table.print(out);
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
