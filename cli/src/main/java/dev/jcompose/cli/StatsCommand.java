package dev.jcompose.cli;

import dev.jcompose.api.ContainerStats;
import dev.jcompose.api.EventSubscription;
import dev.jcompose.api.StatsOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stats [SERVICE]}: the containers' CPU, memory, network and block I/O, as
 * {@code docker stats} shows them: redrawn in place twice a second on a terminal, a table per
 * refresh otherwise, one reading with {@code --no-stream}.
 */
@Command(name = "stats", description = "Display a live stream of the containers' resource "
        + "usage.", footer = {"", "Examples:",
            "  jcompose stats                      live usage of the running containers",
            "  jcompose stats --no-stream web      one reading of web's containers",
            "  jcompose stats --no-stream --format json",
            "  jcompose stats --format 'table {{.Name}}\\t{{.CPUPerc}}\\t{{.MemUsage}}'"})
public final class StatsCommand implements Callable<Integer> {

    private static final String CLEAR = "\033[2J\033[H";

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-a", "--all"}, description = "Show all containers (default: running).")
    boolean all;

    @Option(names = "--no-stream", description = "One reading, then exit.")
    boolean noStream;

    @Option(names = "--no-trunc", description = "Do not truncate container ids.")
    boolean noTrunc;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), "
            + "'table TEMPLATE', json, or a template: '{{.Name}} {{.CPUPerc}}'. Fields: "
            + "Container, Name, ID, CPUPerc, MemUsage, MemPerc, NetIO, BlockIO, PIDs.")
    String format = "table";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Parameters(paramLabel = "SERVICE", arity = "0..1", description = "Only this service.")
    String service;

    @Override
    public Integer call() throws Exception {
        Templates templates = Templates.of(format, StatsFormat.DEFAULT_TABLE)
                .check(StatsFormat.FIELDS);
        String name = root.loader().projectName();
        PrintWriter out = root.console().out();
        Map<String, ContainerStats> latest = new ConcurrentHashMap<>();
        StatsOptions options = new StatsOptions(service == null ? List.of() : List.of(service),
                all, !noStream);
        try (EventSubscription s = root.quietService().stats(name, options,
                r -> latest.put(r.container().id(), r))) {
            if (noStream) {
                s.awaitCompletion();
                print(templates, latest, out);
                return ExitCodes.OK;
            }
            boolean terminal = root.console().outIsTerminal();
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(500);
                if (terminal) {
                    out.print(CLEAR);
                }
                print(templates, latest, out);
            }
        }
        return ExitCodes.OK;
    }

    private void print(Templates templates, Map<String, ContainerStats> latest,
            PrintWriter out) {
        List<ContainerStats> rows = new ArrayList<>(latest.values());
        rows.sort(Comparator.comparing(r -> r.container().name()));
        List<Map<String, Object>> fields = new ArrayList<>();
        rows.forEach(r -> fields.add(StatsFormat.fields(r, noTrunc)));
        templates.print(fields, StatsFormat::header, 10, out);
    }
}
