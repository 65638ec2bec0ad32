package dev.jcompose.cli;

import dev.jcompose.api.LogEntry;
import dev.jcompose.api.LogsOptions;
import dev.jcompose.api.PsOptions;
import dev.jcompose.model.load.Durations;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code logs}: show the output of the project's containers. */
@Command(name = "logs", description = "View output from containers.")
public final class LogsCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-f", "--follow"}, description = "Follow log output.")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N",
            description = "Number of lines from the end of each log, or all (default: all).")
    String tail = "all";

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps.")
    boolean timestamps;

    @Option(names = "--no-log-prefix", description = "Do not print the service prefix.")
    boolean noPrefix;

    @Option(names = "--no-color", description = "Monochrome output.")
    boolean noColor;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Lines since a time: RFC 3339 (2026-11-23T10:00:00Z) or relative "
                    + "(42m, 1h30m).")
    String since;

    @Option(names = "--until", paramLabel = "TIME",
            description = "Lines before a time: RFC 3339 or relative (as --since).")
    String until;

    @Option(names = "--index", paramLabel = "N",
            description = "Only the container with this number of each service.")
    Integer index;

    @Option(names = "--merge",
            description = "All containers' lines in one stream ordered by time (not with -f).")
    boolean merge;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String name = root.loader().projectName();
        int lines = "all".equals(tail) ? -1 : parseTail();
        Instant from = time("--since", since);
        Instant to = time("--until", until);
        int width = root.service().ps(name, new PsOptions(true, services)).stream()
                .mapToInt(c -> (c.oneOff() ? c.name() : c.service() + "-" + c.number()).length())
                .max().orElse(0);
        LogPrinter printer = new LogPrinter(root.console().out(), !noPrefix, timestamps,
                !noColor && root.colourOn(true), width).errorsTo(root.console().err());
        if (merge && follow) {
            throw CommandException.usage("--merge orders what is already logged; it cannot be "
                    + "used with -f");
        }
        Consumer<LogEntry> sink = printer::print;
        if (index != null) {
            String suffix = "-" + index;
            Consumer<LogEntry> all = sink;
            sink = e -> {
                if (e.prefix().equals(e.service() + suffix)) {
                    all.accept(e);
                }
            };
        }
        if (!merge) {
            // Ctrl-C ends the JVM: what a burst left buffered is written out first
            Thread flushAtExit = new Thread(printer::flush, "jcompose-log-flush-at-exit");
            Runtime.getRuntime().addShutdownHook(flushAtExit);
            try {
                root.service().logs(name, new LogsOptions(services, follow, lines, from, to,
                        timestamps), sink);
            } finally {
                printer.flush();
                try {
                    Runtime.getRuntime().removeShutdownHook(flushAtExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs
                }
            }
            return ExitCodes.OK;
        }
        // --merge: every line with the engine's timestamp, then in time order (stable, so a
        // container's own lines keep their order when two share a timestamp)
        List<LogEntry> entries = new CopyOnWriteArrayList<>();
        root.service().logs(name, new LogsOptions(services, false, lines, from, to, true),
                entries::add);
        List<LogEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing(LogEntry::timestamp,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        for (LogEntry e : ordered) {
            sink.accept(timestamps ? e : new LogEntry(e.container(), e.service(), e.prefix(),
                    e.stderr(), null, e.text()));
        }
        printer.flush();
        return ExitCodes.OK;
    }

    /** An RFC 3339 time, or a duration before now ({@code 10m}); null when not given. */
    static Instant time(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.now().minus(Durations.parse(value));
            } catch (RuntimeException notADuration) {
                throw CommandException.usage(option + " takes an RFC 3339 time "
                        + "(2026-11-23T10:00:00Z) or a duration (10m, 1h30m), not \"" + value
                        + "\"");
            }
        }
    }

    private int parseTail() {
        try {
            return Integer.parseInt(tail);
        } catch (NumberFormatException e) {
            throw CommandException.usage("--tail takes a number or \"all\", not \"" + tail + "\"");
        }
    }
}
