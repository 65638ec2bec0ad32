package dev.jcompose.cli;

import dev.jcompose.api.ComposeException;
import dev.jcompose.api.EngineVersion;
import dev.jcompose.api.TargetContext;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code version}: jcompose's version and the compose v2 release it matches, Java's, and the
 * context and engine it acts on (which engine: Docker, Podman); {@code --format json} and {@code --short} as compose v2 prints
 * them, with the compose v2 release as the version.
 */
@Command(name = "version", description = "Show the jcompose, Java and engine versions.")
public final class VersionCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--short", description = "Shows only the version number (the compose v2 "
            + "release jcompose matches, jcompose's own as build metadata).")
    boolean shortForm;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Format the output: pretty (default) or json.")
    String format = "pretty";

    @Override
    public Integer call() {
        PrintWriter out = root.console().out();
        String compose = Versions.composeCompatible();
        if (shortForm) {
            out.println(compose.substring(1));
        } else if (format.equals("json")) {
            out.println("{\"version\":\"" + compose + "\"}");
        } else if (format.equals("pretty")) {
            printLong(out);
        } else {
            throw CommandException.usage("--format " + format + " is not valid (use pretty or "
                    + "json)");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void printLong(PrintWriter out) {
        out.println("jcompose version " + Versions.jcompose() + ", commit " + Versions.commit()
                + " (Docker Compose version v" + Versions.COMPOSE_V2 + ")");
        out.println("Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")");
        try {
            TargetContext context = root.target().context();
            out.print("Context " + context.name() + " (" + context.chosenBy() + ")");
            out.println(": " + root.target().endpoint().describe());
        } catch (ComposeException e) {
            out.println();
            out.println("Engine: cannot be resolved: " + e.getMessage());
            return;
        }
        try {
            EngineVersion info = root.quietService().version();
            out.println("Engine " + info.kind() + " " + info.version() + " (API " + info.apiVersion()
                    + ") at " + info.host());
        } catch (ComposeException e) {
            out.println("Engine: not reachable: " + e.getMessage());
        }
    }
}
