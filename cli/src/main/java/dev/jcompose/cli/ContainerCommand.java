package dev.jcompose.cli;

import dev.jcompose.api.LifecycleCommand;
import dev.jcompose.api.PlanReport;
import dev.jcompose.model.Project;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The commands that act on a project's existing containers (start, stop, restart, kill, pause,
 * unpause, rm): the services named, or all; the model when the files are there, else the
 * engine's labels with {@code -p NAME}; {@code --dry-run} prints the plan.
 */
public abstract class ContainerCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Parameters(paramLabel = "SERVICE", description = "Services to act on (default: all).")
    List<String> services = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print the plan; change nothing.")
    boolean dryRun;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    abstract LifecycleCommand.Kind kind();

    /** The command with this subclass's options; the defaults unless overridden. */
    LifecycleCommand command() {
        return LifecycleCommand.of(kind(), services).withTimeout(timeout()).withDryRun(dryRun)
                .withParallelism(root.parallelism());
    }

    Duration timeout() {
        return null;
    }

    /** Whether to go on (rm asks first); true unless overridden. */
    boolean confirmed(Project project, String name) {
        return true;
    }

    @Override
    public Integer call() throws Exception {
        Project project = root.loader().loadIfPresent();
        String name = project != null ? project.name() : root.loader().projectName();
        if (!confirmed(project, name)) {
            return ExitCodes.OK;
        }
        PlanReport plan = root.service().lifecycle(name, project, command());
        if (dryRun) {
            root.console().out().print(plan);
            root.console().out().flush();
        }
        return ExitCodes.OK;
    }

    /** {@code -t/--timeout}, for the commands that stop containers. */
    public abstract static class Stopping extends ContainerCommand {
        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
                description = "Seconds to wait for a container to stop before it is killed "
                        + "(default: the service's stop_grace_period, else 10).")
        Integer timeoutSeconds;

        @Override
        Duration timeout() {
            return timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
        }
    }
}
