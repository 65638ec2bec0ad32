package dev.jcompose.cli;

import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.DockerCliConfig;
import dev.jcompose.api.PsOptions;
import dev.jcompose.model.load.ModelPrinter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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

    @Option(names = "--orphans", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Include containers of services the files no longer declare "
                    + "(default: true; --orphans=false leaves them out).")
    boolean orphans = true;

    @Parameters(paramLabel = "SERVICE", description = "Services (default: all).")
    List<String> services = new ArrayList<>();

    private static final List<String> STATES = List.of("created", "restarting", "running",
            "removing", "paused", "exited", "dead");

    /** The fields a ps template may use, as docker compose names them. */
    private static final List<String> FIELDS = List.of("ID", "Name", "Names", "Project",
            "Service", "Image", "State", "Health", "ExitCode", "Status", "Ports", "Publishers");

    @Override
    public Integer call() {
        if (format == null) {
            format = psFormat();
        }
        if (!format.equals("table") && !format.equals("json")) {
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
        PrintWriter out = root.console().out();
        if (quiet) {
            containers.forEach(c -> out.println(c.id()));
        } else if (servicesOnly) {
            new LinkedHashSet<>(containers.stream().map(ContainerInfo::service).toList())
                    .forEach(out::println);
        } else if (format.equals("json")) {
            // JSON Lines, one container a line, as compose v2 prints them
            containers.forEach(c -> out.println(ModelPrinter.jsonLine(json(c))));
        } else if (!format.equals("table")) {
            template(containers, out);
        } else {
            Table t = new Table("NAME", "SERVICE", "IMAGE", "STATUS", "PORTS");
            for (ContainerInfo c : containers) {
                t.row(c.name(), c.service(), c.image(), c.status(), c.ports().stream()
                        .map(ContainerInfo.Port::toString).collect(Collectors.joining(", ")));
            }
            t.print(out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Prints with a template as the docker CLI does ({@link Templates}). */
    private void template(List<ContainerInfo> containers, PrintWriter out) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ContainerInfo c : containers) {
            Map<String, Object> fields = json(c);
            fields.put("Names", c.name());
            fields.put("Ports", c.ports().stream().map(ContainerInfo.Port::toString)
                    .collect(Collectors.joining(", ")));
            rows.add(fields);
        }
        new Templates(format).print(rows, f -> f.equals("ID") ? "CONTAINER ID"
                : f.toUpperCase(java.util.Locale.ROOT), 0, out);
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

    private static Map<String, Object> json(ContainerInfo c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ID", c.id());
        m.put("Name", c.name());
        m.put("Project", c.project());
        m.put("Service", c.service());
        m.put("Image", c.image());
        m.put("State", c.state());
        m.put("Health", c.health() == null ? "" : c.health());
        m.put("ExitCode", c.exitCode() == null ? 0 : c.exitCode());
        m.put("Status", c.status());
        List<Object> publishers = new ArrayList<>();
        for (ContainerInfo.Port p : c.ports()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("URL", p.hostIp());
            pm.put("TargetPort", p.containerPort());
            pm.put("PublishedPort", p.hostPort());
            pm.put("Protocol", p.protocol());
            publishers.add(pm);
        }
        m.put("Publishers", publishers);
        return m;
    }
}
