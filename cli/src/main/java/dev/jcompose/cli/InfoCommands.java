package dev.jcompose.cli;

import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.LsOptions;
import dev.jcompose.api.PortOptions;
import dev.jcompose.api.StackInfo;
import dev.jcompose.model.load.ModelPrinter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code port} and {@code ls}: answers about what runs, no changes. */
public final class InfoCommands {

    private InfoCommands() {
    }

    @Command(name = "port", description = "Print the public address a container port is "
            + "published on.")
    public static final class Port implements Callable<Integer> {

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
            ContainerInfo.Port p = root.service().port(name, new PortOptions(service, port,
                    protocol, index));
            root.console().out().println(p.hostIp() + ":" + p.hostPort());
            root.console().out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "ls", description = "List the compose projects on the engine.")
    public static final class Ls implements Callable<Integer> {

        @ParentCommand
        JcomposeCommand root;

        @Option(names = {"-a", "--all"}, description = "Include projects with no running "
                + "container.")
        boolean all;

        @Option(names = {"-q", "--quiet"}, description = "Only print the project names.")
        boolean quiet;

        @Option(names = "--format", paramLabel = "FORMAT", description = "table or json.")
        String format = "table";

        @Option(names = "--filter", paramLabel = "KEY=VALUE",
                description = "Only the projects that match (repeatable): name=REGEX.")
        List<String> filters = new ArrayList<>();

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @Override
        public Integer call() {
            if (!format.equals("table") && !format.equals("json")) {
                throw CommandException.usage("--format must be table or json, not \"" + format
                        + "\"");
            }
            PrintWriter out = root.console().out();
            List<Object> rows = new ArrayList<>();
            Table table = new Table("NAME", "STATUS", "CONFIG FILES");
            for (StackInfo stack : root.quietService().ls(LsOptions.of(all, filters))) {
                if (quiet) {
                    out.println(stack.name());
                } else if (format.equals("json")) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("Name", stack.name());
                    row.put("Status", stack.status());
                    row.put("ConfigFiles", stack.configFiles());
                    rows.add(row);
                } else {
                    table.row(stack.name(), stack.status(), stack.configFiles());
                }
            }
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
