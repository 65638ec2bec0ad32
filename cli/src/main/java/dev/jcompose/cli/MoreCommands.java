package dev.jcompose.cli;

import dev.jcompose.api.BuildPolicy;
import dev.jcompose.api.ComposeSwitches;
import dev.jcompose.api.ComposeEvent;
import dev.jcompose.api.ContainerProcesses;
import dev.jcompose.api.CreateOptions;
import dev.jcompose.api.EventSubscription;
import dev.jcompose.api.EventsOptions;
import dev.jcompose.api.ImageInfo;
import dev.jcompose.api.ImagesOptions;
import dev.jcompose.api.ScaleOptions;
import dev.jcompose.api.TopOptions;
import dev.jcompose.api.WaitOptions;
import dev.jcompose.model.Project;
import dev.jcompose.model.load.ModelPrinter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** wait, top, events and images (watching a project), create and scale. */
public final class MoreCommands {

    private MoreCommands() {
    }

    @Command(name = "wait", description = "Block until the services' containers stop; exit "
            + "with the first one's exit code.")
    public static final class Wait implements Callable<Integer> {

        @ParentCommand
        JcomposeCommand root;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @Parameters(paramLabel = "SERVICE", arity = "1..*", description = "Services to wait for.")
        List<String> services = new ArrayList<>();

        @Option(names = "--down-project",
                description = "Remove the project (as down) once the first container stops.")
        boolean downProject;

        @Override
        public Integer call() throws Exception {
            String name = root.loader().projectName();
            // checked now: a bad limit is a usage error before the wait, not after it
            int parallelism = downProject ? root.parallelism() : 0;
            Project project = downProject ? root.loader().loadIfPresent() : null;
            return root.service().wait(name, project, new WaitOptions(services, downProject,
                    parallelism));
        }
    }

    @Command(name = "top", description = "Show the processes running in the services' "
            + "containers.")
    public static final class Top implements Callable<Integer> {

        @ParentCommand
        JcomposeCommand root;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @Parameters(paramLabel = "SERVICE", description = "Only these services (default: all).")
        List<String> services = new ArrayList<>();

        @Override
        public Integer call() {
            String name = root.loader().projectName();
            PrintWriter out = root.console().out();
            boolean first = true;
            for (ContainerProcesses top : root.service().top(name, new TopOptions(services))) {
                if (!first) {
                    out.println();
                }
                first = false;
                var c = top.container();
                out.println(c.name()); // as compose v2 heads each container's table
                Table table = new Table(top.titles().toArray(String[]::new));
                top.processes().forEach(p -> table.row(p.toArray(String[]::new)));
                table.print(out);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "events", description = "Stream the project's container events.")
    public static final class Events implements Callable<Integer> {

        @ParentCommand
        JcomposeCommand root;

        @Option(names = "--json", description = "One JSON object per line.")
        boolean json;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @Parameters(paramLabel = "SERVICE", description = "Only these services (default: all).")
        List<String> services = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            String name = root.loader().projectName();
            PrintWriter out = root.console().out();
            try (EventSubscription s = root.quietService().events(name,
                    new EventsOptions(services), e -> print(out, e))) {
                s.awaitCompletion();
            }
            return ExitCodes.OK;
        }

        private synchronized void print(PrintWriter out, ComposeEvent e) {
            if (json) {
                // as compose v2: keys in name order (a Go map), the time as Go writes it
                // (RFC 3339, no trailing zeros), compose's own labels left out
                Map<String, Object> o = new java.util.TreeMap<>();
                o.put("time", e.time().toString().replaceFirst("(\\.\\d*?)0+Z$", "$1Z")
                        .replace(".Z", "Z"));
                o.put("type", e.type());
                o.put("action", e.action());
                o.put("id", e.id());
                o.put("service", e.service());
                Map<String, String> attributes = new java.util.TreeMap<>(e.attributes());
                attributes.keySet().removeIf(k -> k.startsWith("com.docker.compose."));
                o.put("attributes", attributes);
                out.println(ModelPrinter.goJsonLine(o));
            } else {
                out.println(e.time() + " " + e.type() + " " + e.action() + " " + e.id()
                        + " (name=" + e.name() + ", service=" + e.service() + ")");
            }
            out.flush();
        }
    }

    @Command(name = "images", description = "List the images the project's containers use.")
    public static final class Images implements Callable<Integer> {

        @ParentCommand
        JcomposeCommand root;

        @Option(names = {"-q", "--quiet"}, description = "Only print image ids.")
        boolean quiet;

        @Option(names = "--format", paramLabel = "FORMAT", description = "table or json.")
        String format = "table";

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @Parameters(paramLabel = "SERVICE", description = "Only these services (default: all).")
        List<String> services = new ArrayList<>();

        @Override
        public Integer call() {
            if (!format.equals("table") && !format.equals("json")) {
                throw CommandException.usage("--format must be table or json, not \"" + format
                        + "\"");
            }
            String name = root.loader().projectName();
            PrintWriter out = root.console().out();
            Table table = new Table("CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE");
            List<Object> rows = new ArrayList<>();
            for (ImageInfo img : root.service().images(name, new ImagesOptions(services))) {
                if (quiet) {
                    out.println(img.shortId());
                } else if (format.equals("json")) {
                    // compose v2's fields, in its order
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("ID", img.id());
                    row.put("ContainerName", img.container());
                    row.put("Repository", img.repository());
                    row.put("Tag", img.tag());
                    row.put("Size", img.size());
                    rows.add(row);
                } else {
                    table.row(img.container(), img.repository(), img.tag(), img.shortId(),
                            PsFields.humanSize(img.size()));
                }
            }
            if (!quiet) {
                if (format.equals("json")) {
                    out.println(ModelPrinter.goJsonLine(rows));
                } else {
                    table.print(out);
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "scale", description = "Set the number of containers of services: "
            + "scale web=3 worker=2.")
    public static final class Scale implements Callable<Integer> {

        @ParentCommand
        JcomposeCommand root;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @Option(names = "--no-deps", description = "Do not start the services' dependencies.")
        boolean noDeps;

        @Parameters(paramLabel = "SERVICE=REPLICAS", arity = "1..*",
                description = "Services and their number of containers.")
        List<String> scales = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Map<String, Integer> scale = new LinkedHashMap<>();
            for (String s : scales) {
                int eq = s.indexOf('=');
                try {
                    scale.put(s.substring(0, eq), Integer.parseInt(s.substring(eq + 1)));
                } catch (RuntimeException e) {
                    throw CommandException.usage("\"" + s + "\" is not SERVICE=REPLICAS with "
                            + "REPLICAS a number");
                }
            }
            UpCommand.checkScale(scale);
            Project project = root.loader().load(List.copyOf(scale.keySet()));
            root.service().scale(project, ScaleOptions.of(scale).withNoDeps(noDeps)
                    .withCompatibility(root.compatibility(project))
                    .withParallelism(root.parallelism()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "create", description = "Create the services' containers without starting "
            + "them (up --no-start).")
    public static final class Create implements Callable<Integer> {

        @ParentCommand
        JcomposeCommand root;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @Option(names = "--force-recreate", description = "Recreate containers even if "
                + "unchanged.")
        boolean forceRecreate;

        @Option(names = "--no-recreate", description = "Never recreate existing containers.")
        boolean noRecreate;

        @Option(names = "--always-recreate-deps",
                description = "Recreate the named services' dependencies too.")
        boolean alwaysRecreateDeps;

        @Option(names = {"-V", "--renew-anon-volumes"},
                description = "Recreated containers get new anonymous volumes.")
        boolean renewAnonVolumes;

        @Option(names = "--build", description = "Build images first.")
        boolean build;

        @Option(names = "--no-build", description = "Do not build images, even if missing.")
        boolean noBuild;

        @Option(names = "--pull", paramLabel = "POLICY", description = "always, missing or never.")
        String pull;

        @Mixin
        PullAndOrphanOptions pullAndOrphans = new PullAndOrphanOptions();

        @Option(names = "--scale", paramLabel = "SERVICE=NUM",
                description = "Number of containers of a service (repeatable).")
        Map<String, Integer> scale = new LinkedHashMap<>();

        @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
        List<String> services = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            UpCommand.checkRecreateFlags(forceRecreate, noRecreate, alwaysRecreateDeps);
            UpCommand.checkScale(scale);
            if (build && noBuild) {
                throw CommandException.usage("--build and --no-build cannot be used together");
            }
            Project project = root.loader().load(services);
            CreateOptions options = CreateOptions.defaults().withServices(services)
                    .withRecreate(UpCommand.recreate(forceRecreate, noRecreate),
                            alwaysRecreateDeps)
                    .withRenewAnonVolumes(renewAnonVolumes)
                    .withImages(build ? BuildPolicy.ALWAYS : noBuild ? BuildPolicy.NEVER
                            : BuildPolicy.MISSING, UpCommand.pullPolicy(pull))
                    .withCompatibility(root.compatibility(project))
                    .withParallelism(root.parallelism());
            if (pullAndOrphans.removeOrphans || !scale.isEmpty()) {
                // up --no-start, which takes both
                root.service().up(project, options.toUp().toBuilder()
                        .orphans(ComposeSwitches.orphans(pullAndOrphans.removeOrphans, project.environment()))
                        .scale(scale).build());
            } else {
                root.service().create(project, options);
            }
            return ExitCodes.OK;
        }
    }
}
