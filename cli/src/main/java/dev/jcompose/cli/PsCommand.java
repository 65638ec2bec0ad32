package dev.jcompose.cli;

import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.DockerCliConfig;
import dev.jcompose.api.PsOptions;
import dev.jcompose.model.load.ModelPrinter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ps}: list the project's containers. */
@Command(name = "ps", description = "List containers.")
public final class PsCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-a", "--all"}, description = "Show stopped containers too.")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display container IDs.")
    boolean quiet;

    @Option(names = "--services", description = "Display the services.")
    boolean servicesOnly;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only containers in this state (repeatable): created, restarting, "
                    + "running, removing, paused, exited, dead.")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "KEY=VALUE",
            description = "Filter containers; supported: status=STATUS.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table, json, or a template: '{{.Name}}\\t{{.Status}}', with a "
                    + "table prefix for a header row (default: psFormat from the docker CLI's "
                    + "config.json, else table).")
    String format;

    @Option(names = "--no-trunc", description = "Don't truncate output (IDs, commands, "
            + "mount names).")
    boolean noTrunc;

    @Option(names = "--orphans", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Include containers of services the files no longer declare "
                    + "(default: true; --orphans=false leaves them out).")
    boolean orphans = true;

    @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
    List<String> services = new ArrayList<>();

    private static final List<String> STATES = List.of("created", "restarting", "running",
            "removing", "paused", "exited", "dead");

    /** The fields a ps template may use, as compose v2 names them. */
    private static final List<String> FIELDS = List.of("Command", "CreatedAt", "ExitCode",
            "Health", "ID", "Image", "Labels", "LocalVolumes", "Mounts", "Name", "Names",
            "Networks", "Ports", "Project", "Publishers", "RunningFor", "Service", "Size",
            "State", "Status");
    /** compose v2's table: its default format. */
    private static final String TABLE = "table {{.Name}}\t{{.Image}}\t{{.Command}}\t"
            + "{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}";
    /** Column titles where they are not the field's name in capitals. */
    private static final Map<String, String> HEADERS = Map.of("ID", "CONTAINER ID",
            "CreatedAt", "CREATED AT", "RunningFor", "CREATED", "LocalVolumes", "LOCAL VOLUMES");

    @Override
    public Integer call() {
        if (format == null) {
            format = psFormat();
        }
        if (format.equals("table") || format.isEmpty()) {
            format = TABLE;
        }
        if (!format.equals("json")) {
            // a template: check its fields before asking the engine
            new Templates(format).check(FIELDS);
        }
        List<String> wanted = new ArrayList<>(statuses);
        for (String f : filters) {
            if (!f.startsWith("status=")) {
                throw CommandException.usage("--filter " + f + " is not supported (use "
                        + "status=STATUS)");
            }
            wanted.add(f.substring("status=".length()));
        }
        for (String st : wanted) {
            if (!STATES.contains(st)) {
                throw CommandException.usage("--status " + st + " is not a container state ("
                        + String.join(", ", STATES) + ")");
            }
        }
        String name = root.loader().projectName();
        boolean includeStopped = all || !wanted.isEmpty();
        List<ContainerInfo> containers = root.prefetch().answer(name, includeStopped, services);
        if (containers == null) {
            containers = root.service().ps(name, new PsOptions(includeStopped, services));
        }
        if (!wanted.isEmpty()) {
            containers = containers.stream().filter(c -> wanted.contains(c.state())).toList();
        }
        if (!orphans) {
            dev.jcompose.model.Project project = root.loader().loadIfPresent();
            if (project != null) {
                java.util.Set<String> declared = project.services().keySet();
                containers = containers.stream().filter(c -> declared.contains(c.service()))
                        .toList();
            }
        }
        containers = containers.stream().sorted(java.util.Comparator.comparing(
                ContainerInfo::name)).toList();
        PrintWriter out = root.console().out();
        if (quiet) {
            containers.forEach(c -> out.println(c.id()));
        } else if (servicesOnly) {
            new LinkedHashSet<>(containers.stream().map(ContainerInfo::service).toList())
                    .forEach(out::println);
        } else if (format.equals("json")) {
            // JSON Lines, one container a line, as compose v2 prints them
            containers.forEach(c -> out.println(ModelPrinter.goJsonLine(fields(c))));
        } else {
            template(containers, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Prints with a template as the docker CLI does ({@link Templates}). */
    private void template(List<ContainerInfo> containers, PrintWriter out) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ContainerInfo c : containers) {
            rows.add(fields(c));
        }
        new Templates(format).print(rows, f -> HEADERS.getOrDefault(f,
                f.toUpperCase(java.util.Locale.ROOT)), 0, out);
    }

    /** psFormat from the docker CLI's config.json, else "table". */
    private String psFormat() {
        Map<String, String> env = root.console().env();
        String dir = env.get("DOCKER_CONFIG");
        java.nio.file.Path config = dir != null && !dir.isEmpty()
                ? java.nio.file.Path.of(dir, "config.json")
                : java.nio.file.Path.of(env.getOrDefault("HOME",
                        System.getProperty("user.home")), ".docker", "config.json");
        try {
            if (java.nio.file.Files.isRegularFile(config)) {
                String psFormat = DockerCliConfig.psFormat(java.nio.file.Files.readString(config));
                if (psFormat != null && !psFormat.isBlank()) {
                    return psFormat;
                }
            }
        } catch (java.io.IOException e) {
            // an unreadable config.json: the default format
        }
        return "table";
    }

    private Map<String, Object> fields(ContainerInfo c) {
        return PsFields.of(c, !noTrunc, java.time.Instant.now(),
                java.time.ZoneId.systemDefault());
    }
}
