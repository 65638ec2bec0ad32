package dev.jcompose.cli;

import dev.jcompose.api.DownOptions;
import dev.jcompose.api.PlanReport;
import dev.jcompose.api.RemoveImages;
import dev.jcompose.model.Project;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code down}: stop and remove the project's containers and networks. */
@Command(name = "down", description = "Stop and remove containers and networks.")
public final class DownCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-v", "--volumes"},
            description = "Also remove named volumes declared by the project and anonymous "
                    + "volumes.")
    boolean volumes;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
            description = "Shutdown timeout in seconds.")
    Integer timeout;

    @Option(names = "--remove-orphans",
            description = "Remove containers of services not in the compose files.")
    boolean removeOrphans;

    @Option(names = "--rmi", paramLabel = "TYPE",
            description = "Remove images used by services: local or all.")
    String rmi;

    @Option(names = "--dry-run", description = "Print the plan; change nothing.")
    boolean dryRun;

    @Parameters(paramLabel = "SERVICE",
            description = "Only these services' containers (default: the whole project).")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (rmi != null && !rmi.equals("local") && !rmi.equals("all")) {
            throw CommandException.usage("--rmi " + rmi + " is not valid (use local or all)");
        }
        Project project = root.loader().loadIfPresent();
        String name = project != null ? project.name() : root.loader().projectName();
        DownOptions options = DownOptions.builder().services(services).removeVolumes(volumes)
                .removeOrphans(removeOrphans)
                .timeout(timeout == null ? null : Duration.ofSeconds(timeout))
                .images(rmi == null ? RemoveImages.NONE : RemoveImages.of(rmi))
                .dryRun(dryRun).parallelism(root.parallelism()).build();
        PlanReport plan = root.service().down(name, project, options);
        if (dryRun) {
            root.console().out().print(plan);
            root.console().out().flush();
        }
        return ExitCodes.OK;
    }
}
