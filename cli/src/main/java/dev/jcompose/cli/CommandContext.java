package dev.jcompose.cli;

import dev.jcompose.api.ProjectOptions;
import dev.jcompose.model.Problem;
import dev.jcompose.planner.progress.ProgressListener;
import java.util.List;

/**
 * What the root command gives commands that live in other packages (the {@code stack}
 * commands): the console, the global options as a project description, the progress renderer
 * (chosen once) and the warning printer.
 */
public final class CommandContext {

    private final JcomposeCommand root;

    private CommandContext(JcomposeCommand root) {
        this.root = root;
    }

    public static CommandContext of(JcomposeCommand root) {
        return new CommandContext(root);
    }

    public Console console() {
        return root.console();
    }

    /** {@code -f}, {@code --env-file}, {@code --project-directory}, ... as given. */
    public ProjectOptions projectOptions() {
        return root.projectOptions();
    }

    public ProgressListener progress() {
        return root.progress();
    }

    /** Prints a warning about the user's files, as every command does. */
    public void warn(Problem p) {
        root.warn(p);
    }

    /** Ends the live progress display, before anything else is printed. */
    public void finish() {
        root.finish();
    }

    /** Prints {@code rows} under {@code header} on stdout, columns padded to their widest. */
    public void table(List<String> header, List<List<String>> rows) {
        Table t = new Table(header.toArray(String[]::new));
        rows.forEach(r -> t.row(r.toArray(String[]::new)));
        t.print(console().out());
    }
}
