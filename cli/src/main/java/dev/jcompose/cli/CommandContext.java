package dev.jcompose.cli;

import dev.jcompose.api.ProjectLoader;
import dev.jcompose.api.ProjectOptions;
import dev.jcompose.api.StackService;
import dev.jcompose.model.Problem;
import dev.jcompose.planner.progress.ProgressListener;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command in another package of the CLI gets from the root command: the project loader
 * (the global options), the progress display, the streams, warnings, the environment, and the
 * stacks of the target the docker CLI's options name.
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

    /** {@code -f}, {@code --env-file}, {@code --project-directory}, ... as given. */
    public ProjectOptions projectOptions() {
        return root.projectOptions();
    }

    /**
     * Stacks on the engine every other command acts on ({@code --context}, {@code -H},
     * {@code DOCKER_HOST}, {@code DOCKER_CONTEXT}, the current context), with the progress
     * display and the warning printer.
     */
    public StackService stacks() {
        return root.target().stacks(root.progress(), root::warn);
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

    public PrintWriter err() {
        return root.console().err();
    }

    public InputStream in() {
        return root.console().in();
    }

    /** Prints {@code rows} under {@code header} on stdout, columns padded to their widest. */
    public void table(List<String> header, List<List<String>> rows) {
        Table t = new Table(header.toArray(String[]::new));
        rows.forEach(r -> t.row(r.toArray(String[]::new)));
        t.print(out());
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
