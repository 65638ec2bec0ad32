package dev.jcompose.cli;

import dev.jcompose.api.ProjectLoader;
import dev.jcompose.model.Problem;
import dev.jcompose.planner.progress.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command in another package of the CLI gets from the root command: the project loader
 * (the global options), the progress display, the streams, warnings and the environment.
 */
public final class CommandContext {

    private final JcomposeCommand root;

    private CommandContext(JcomposeCommand root) {
        this.root = root;
    }

    /** The context of the command line {@code spec} belongs to. */
    public static CommandContext of(CommandSpec spec) {
        return new CommandContext((JcomposeCommand) spec.root().userObject());
    }

    public ProjectLoader loader() {
        return root.loader();
    }

    public ProgressListener progress() {
        return root.progress();
    }

    /** Ends the live progress display before other output. */
    public void finishProgress() {
        root.finish();
    }

    public PrintWriter out() {
        return root.console().out();
    }

    public void warn(Problem p) {
        root.warn(p);
    }

    public Path workingDir() {
        return root.console().workingDir();
    }

    public Map<String, String> env() {
        return root.console().env();
    }
}
