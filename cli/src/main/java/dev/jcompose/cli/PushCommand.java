package dev.jcompose.cli;

import dev.jcompose.api.PlanReport;
import dev.jcompose.api.PushOptions;
import dev.jcompose.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code push}: push the images of services that build an image named by {@code image:}. */
@Command(name = "push", description = "Push service images.")
public final class PushCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--ignore-push-failures",
            description = "Push what it can; report failures as warnings.")
    boolean ignoreFailures;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--dry-run", description = "Print the plan; push nothing.")
    boolean dryRun;

    @Option(names = "--include-deps",
            description = "Also push the images of the named services' dependencies.")
    boolean includeDeps;

    @Parameters(paramLabel = "SERVICE", description = "Services to push (default: all).")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Project project = root.loader().load(services);
        PushOptions options = PushOptions.defaults().withServices(services)
                .withIgnoreFailures(ignoreFailures).withDryRun(dryRun)
                .withParallelism(root.parallelism()).withIncludeDeps(includeDeps);
        var service = quiet ? root.quietService() : root.service();
        PlanReport plan = service.push(project, options);
        if (dryRun) {
            root.console().out().print(plan);
            root.console().out().flush();
        }
        return ExitCodes.OK;
    }
}
