package dev.jcompose.cli;

import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.PsOptions;
import dev.jcompose.api.UpOptions;
import dev.jcompose.model.load.ModelPrinter;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.DownPlanOptions;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.UpPlanOptions;
import dev.jcompose.planner.engine.EngineEvent;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ImageSummary;
import dev.jcompose.planner.engine.ProcessList;
import dev.jcompose.planner.engine.Subscription;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** wait, events and images: watching a project without changing it. */
final class MoreCommands {

    private MoreCommands() {
    }

    /** {@code up} of the services the options name, as create and scale need it. */
    private static void converge(JcomposeCommand root, UpPlanOptions plan)
            throws InterruptedException {
        root.service().up(root.loader().load(plan.services()), new UpOptions(plan, false, false,
                null, root.parallelism()));
    }

    @Command(name = "wait", description = "Block until the services' containers stop; exit "
            + "with the first one's exit code.")
    static final class Wait implements Callable<Integer> {

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
            List<ContainerInfo> containers = root.service().ps(name, new PsOptions(true,
                    services)).stream().filter(c -> !c.oneOff()).toList();
            if (containers.isEmpty()) {
                throw new CommandException("no containers of " + String.join(", ", services)
                        + " in project " + name, ExitCodes.FAILURE);
            }
            if (downProject) {
                // checked now: a bad limit is a usage error before the wait, not after it
                int parallelism = root.parallelism();
                // the first container to stop decides; then the whole project goes
                CompletableFuture<Integer> first = new CompletableFuture<>();
                for (ContainerInfo c : containers) {
                    Thread.ofVirtual().start(() -> {
                        try {
                            first.complete(root.engine().waitContainer(c.id()));
                        } catch (InterruptedException | RuntimeException e) {
                            first.completeExceptionally(e);
                        }
                    });
                }
                int code;
                try {
                    code = first.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
                var project = root.loader().loadIfPresent();
                root.service().down(name, project, new DownOptions(
                        DownPlanOptions.defaults(), false, parallelism));
                return code;
            }
            Integer first = null;
            for (ContainerInfo c : containers) {
                int code = root.engine().waitContainer(c.id());
                if (first == null) {
                    first = code;
                }
            }
            return first;
        }
    }

    @Command(name = "top", description = "Show the processes running in the services' "
            + "containers.")
    static final class Top implements Callable<Integer> {

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
            for (ContainerInfo c : root.service().ps(name, new PsOptions(false, services))) {
                ProcessList top;
                try {
                    top = root.engine().top(c.id());
                } catch (EngineException.NotFound | EngineException.Conflict e) {
                    continue; // stopped or removed since it was listed
                }
                if (!first) {
                    out.println();
                }
                first = false;
                out.println(c.oneOff() ? c.name() : c.service() + "-" + c.number());
                Table table = new Table(top.titles().toArray(String[]::new));
                top.processes().forEach(p -> table.row(p.toArray(String[]::new)));
                table.print(out);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "events", description = "Stream the project's container events.")
    static final class Events implements Callable<Integer> {

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
            try (Subscription s = root.engine().events(ContainerSpecs.projectLabel(name),
                    e -> print(out, e))) {
                s.awaitCompletion();
            }
            return ExitCodes.OK;
        }

        private synchronized void print(PrintWriter out, EngineEvent e) {
            String service = e.attribute(Labels.SERVICE);
            if (!services.isEmpty() && !services.contains(service)) {
                return;
            }
            Instant time = Instant.ofEpochSecond(0, e.timeNanos());
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("time", time.toString());
                o.put("type", e.type());
                o.put("action", e.action());
                o.put("id", e.id());
                o.put("service", service);
                o.put("attributes", new java.util.TreeMap<>(e.attributes()));
                out.println(ModelPrinter.jsonLine(o));
            } else {
                out.println(time + " " + e.type() + " " + e.action() + " " + e.id()
                        + " (name=" + e.attribute("name") + ", service=" + service + ")");
            }
            out.flush();
        }
    }

    @Command(name = "images", description = "List the images the project's containers use.")
    static final class Images implements Callable<Integer> {

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
            Table table = new Table("CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "CREATED");
            List<Object> rows = new ArrayList<>();
            for (ContainerInfo c : root.service().ps(name, new PsOptions(true, services))) {
                ImageSummary img = root.engine().inspectImage(c.image()).orElse(null);
                String id = img == null ? "" : img.id().replaceFirst("^sha256:", "")
                        .substring(0, Math.min(12, img.id().length()));
                String ref = c.image();
                int colon = ref.lastIndexOf(':');
                boolean tagged = colon > ref.lastIndexOf('/');
                String repo = tagged ? ref.substring(0, colon) : ref;
                String tag = tagged ? ref.substring(colon + 1) : "latest";
                if (quiet) {
                    out.println(id);
                } else if (format.equals("json")) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("ContainerName", c.name());
                    row.put("Repository", repo);
                    row.put("Tag", tag);
                    row.put("ID", id);
                    row.put("Created", img == null || img.created() == null ? ""
                            : img.created().toString());
                    rows.add(row);
                } else {
                    table.row(c.name(), repo, tag, id, img == null || img.created() == null
                            ? "" : img.created().toString());
                }
            }
            if (!quiet) {
                if (format.equals("json")) {
                    out.print(ModelPrinter.json(rows));
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
    static final class Scale implements Callable<Integer> {

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
            List<String> services = List.copyOf(scale.keySet());
            converge(root, new UpPlanOptions(services, noDeps, false, false, false, scale, false,
                    null, false, false, null));
            return ExitCodes.OK;
        }
    }

    @Command(name = "create", description = "Create the services' containers without starting "
            + "them (up --no-start).")
    static final class Create implements Callable<Integer> {

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

        @Option(names = "--pull", paramLabel = "POLICY", description = "always, missing or never.")
        String pull;

        @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
        List<String> services = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            UpCommand.checkRecreateFlags(forceRecreate, noRecreate, alwaysRecreateDeps);
            converge(root, new UpPlanOptions(services, false, forceRecreate, noRecreate, false,
                    Map.of(), true, pull, build, false, null)
                    .withAlwaysRecreateDeps(alwaysRecreateDeps)
                    .withRenewAnonVolumes(renewAnonVolumes));
            return ExitCodes.OK;
        }
    }
}
