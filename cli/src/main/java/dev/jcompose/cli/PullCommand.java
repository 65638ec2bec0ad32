package dev.jcompose.cli;

import dev.jcompose.api.PlanReport;
import dev.jcompose.api.PullOptions;
import dev.jcompose.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pull}: pull the images of services, each distinct image once, in parallel. */
@Command(name = "pull", description = "Pull service images.")
public final class PullCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--ignore-pull-failures",
            description = "Pull what it can; report failures as warnings.")
    boolean ignoreFailures;

    @Option(names = "--include-deps", description = "Also pull the named services' dependencies.")
    boolean includeDeps;

    @Option(names = "--ignore-buildable", description = "Skip images that can be built.")
    boolean ignoreBuildable;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--dry-run", description = "Print the plan; pull nothing.")
    boolean dryRun;

    @Option(names = "--policy", paramLabel = "POLICY", description = "missing or always: over "
            + "the pull_policy of the services that name an image.")
    String policy;

    @Parameters(paramLabel = "SERVICE", description = "Services to pull (default: all).")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Project project = root.loader().load(services);
        PullOptions options = PullOptions.builder().services(services).includeDeps(includeDeps)
                .ignoreFailures(ignoreFailures).ignoreBuildable(ignoreBuildable).dryRun(dryRun)
                .parallelism(root.parallelism()).policy(policy).build();
        var service = quiet ? root.quietService() : root.service();
        PlanReport plan = service.pull(project, options);
        if (dryRun) {
            root.console().out().print(plan);
            root.console().out().flush();
        }
        return ExitCodes.OK;
    }
}
