package dev.jcompose.cli;

import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.PlanReport;
import dev.jcompose.model.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code build}: build the images of services that have a build section. */
@Command(name = "build", description = "Build or rebuild service images.")
public final class BuildCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--no-cache", description = "Do not use the build cache.")
    boolean noCache;

    @Option(names = "--pull", description = "Always try to pull newer versions of base images.")
    boolean pull;

    @Option(names = "--build-arg", paramLabel = "KEY[=VALUE]",
            description = "Set a build argument (repeatable); KEY alone takes its value from "
                    + "the environment.")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--dry-run", description = "Print the plan; build nothing.")
    boolean dryRun;

    @Parameters(paramLabel = "SERVICE", description = "Services to build (default: all).")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : buildArgs) {
            int eq = a.indexOf('=');
            if (eq == 0) {
                throw CommandException.usage("--build-arg " + a + " has no name");
            }
            if (eq > 0) {
                args.put(a.substring(0, eq), a.substring(eq + 1));
            } else if (root.console().env().containsKey(a)) {
                args.put(a, root.console().env().get(a));
            }
        }
        Project project = root.loader().load(services);
        BuildOptions options = BuildOptions.builder().services(services).noCache(noCache)
                .pull(pull).args(args).dryRun(dryRun).parallelism(root.parallelism()).build();
        var service = quiet ? root.quietService() : root.service();
        PlanReport plan = service.build(project, options);
        if (dryRun) {
            root.console().out().print(plan);
            root.console().out().flush();
        }
        return ExitCodes.OK;
    }
}
