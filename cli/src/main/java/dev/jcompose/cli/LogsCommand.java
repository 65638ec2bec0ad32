package dev.jcompose.cli;

import dev.jcompose.api.LogsOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code logs}: show the output of the project's containers. */
@Command(name = "logs", description = "View output from containers.")
final class LogsCommand implements Callable<Integer> {

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

    @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String name = root.loader().projectName();
        int lines = "all".equals(tail) ? -1 : parseTail();
        root.service().logs(name, new LogsOptions(services, follow, lines, null, null, timestamps),
                new LogPrinter(root.console().out(), !noPrefix, timestamps)::print);
        return ExitCodes.OK;
    }

    private int parseTail() {
        try {
            return Integer.parseInt(tail);
        } catch (NumberFormatException e) {
            throw CommandException.usage("--tail takes a number or \"all\", not \"" + tail + "\"");
        }
    }
}
