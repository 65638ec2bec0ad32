package dev.jcompose.cli;

import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.EngineInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code version}: jcompose's, Java's and the engine's versions (and which engine: Docker, Podman). */
@Command(name = "version", description = "Show the jcompose, Java and engine versions.")
final class VersionCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--short", description = "Print only jcompose's version.")
    boolean shortForm;

    @Override
    public Integer call() {
        PrintWriter out = root.console().out();
        if (shortForm) {
            out.println(Versions.jcompose());
            out.flush();
            return ExitCodes.OK;
        }
        out.println("jcompose version " + Versions.jcompose());
        out.println("Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")");
        try {
            EngineInfo info = root.engine().info();
            out.println("Engine " + info.kind() + " " + info.version() + " (API "
                    + info.apiVersion() + ") at " + info.host());
        } catch (EngineException e) {
            out.println("Engine: not reachable: " + e.getMessage());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
