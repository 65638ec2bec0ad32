package dev.jcompose.cli;

import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.PlanReport;
import dev.jcompose.model.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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

    @Option(names = "--with-dependencies",
            description = "Also build the named services' dependencies (transitively).")
    boolean withDependencies;

    @Option(names = "--push", description = "Push the images built (of services with image:).")
    boolean push;

    @Option(names = {"-m", "--memory"}, paramLabel = "BYTES",
            description = "Memory limit of the build containers, e.g. 512m.")
    String memory;

    @Option(names = "--builder", paramLabel = "NAME", description = "A buildx builder: "
            + "ignored with a warning (jcompose uses the engine's classic builder).")
    String builder;

    @Option(names = "--ssh", arity = "0..1", fallbackValue = "default", paramLabel = "ID=PATH",
            preprocessor = AttachedValueOnly.class,
            description = "SSH forwarding for the build: ignored with a warning (it needs "
                    + "BuildKit; jcompose uses the engine's classic builder).")
    String ssh;

    @Parameters(paramLabel = "SERVICE", description = "Services to build (default: all).")
    List<String> services = new ArrayList<>();

    private Long memoryBytes() {
        if (memory == null) {
            return null;
        }
        try {
            return dev.jcompose.model.load.ByteSizes.parse(memory);
        } catch (IllegalArgumentException e) {
            throw CommandException.usage("--memory " + memory + ": " + e.getMessage());
        }
    }

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
                .pull(pull).args(args).dryRun(dryRun).parallelism(root.parallelism())
                .withDependencies(withDependencies).push(push).memory(memoryBytes())
                .builderName(builder).ssh(ssh).build();
        var service = quiet ? root.quietService() : root.service();
        PlanReport plan = service.build(project, options);
        if (dryRun) {
            root.console().out().print(plan);
            root.console().out().flush();
        }
        return ExitCodes.OK;
    }

    /**
     * As compose v2's flag with a default: a value only when attached ({@code --ssh=ID=PATH});
     * {@code --ssh SERVICE} is the flag alone, then a service.
     */
    static final class AttachedValueOnly implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(java.util.Stack<String> args, CommandLine.Model.CommandSpec spec,
                CommandLine.Model.ArgSpec option, Map<String, Object> info) {
            if (!"=".equals(info.get("separator"))) {
                option.setValue("default");
                return true;
            }
            return false;
        }
    }
}
