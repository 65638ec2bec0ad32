package dev.jcompose.cli;

import dev.jcompose.api.VolumeInfo;
import dev.jcompose.api.VolumesOptions;
import dev.jcompose.model.Project;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code volumes [SERVICE...]}: the project's volumes, as {@code docker volume ls} lists them. */
@Command(name = "volumes", description = "List the project's volumes.", footer = {"",
    "Examples:",
    "  jcompose volumes                    the project's volumes",
    "  jcompose volumes db                 the volumes db's containers mount",
    "  jcompose volumes -q                 their names only",
    "  jcompose volumes --format '{{.Name}} {{.Mountpoint}}'"})
public final class VolumesCommand implements Callable<Integer> {

    static final String DEFAULT_TABLE = "table {{.Driver}}\t{{.Name}}";

    static final List<String> FIELDS = List.of("Availability", "Driver", "Group", "Labels",
            "Links", "Mountpoint", "Name", "Scope", "Size", "Status");

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-q", "--quiet"}, description = "Only display volume names.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), "
            + "'table TEMPLATE', json, or a template: '{{.Name}}'. Fields: Driver, Name, "
            + "Mountpoint, Scope, Labels.")
    String format = "table";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Parameters(paramLabel = "SERVICE", description = "Only volumes these services mount.")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        Templates templates = Templates.of(format, DEFAULT_TABLE).check(FIELDS);
        Project project = root.loader().loadIfPresent();
        String name = project != null ? project.name() : root.loader().projectName();
        if (project != null) {
            for (String s : services) {
                if (!project.services().containsKey(s)) {
                    throw new CommandException("no such service: " + s, ExitCodes.FAILURE);
                }
            }
        }
        List<VolumeInfo> volumes = root.quietService().volumes(name,
                new VolumesOptions(services));
        PrintWriter out = root.console().out();
        if (quiet) {
            volumes.forEach(v -> out.println(v.name()));
            out.flush();
            return ExitCodes.OK;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        volumes.forEach(v -> rows.add(fields(v)));
        templates.print(rows, f -> f.equals("Name") ? "VOLUME NAME"
                : f.toUpperCase(java.util.Locale.ROOT), 10, out);
        return ExitCodes.OK;
    }

    /** A volume's template fields, as the docker CLI's volume formatter names them. */
    static Map<String, Object> fields(VolumeInfo v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Availability", "N/A");
        m.put("Driver", v.driver());
        m.put("Group", "N/A");
        m.put("Labels", new TreeMap<>(v.labels()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        m.put("Links", "N/A");
        m.put("Mountpoint", v.mountpoint() == null ? "" : v.mountpoint());
        m.put("Name", v.name());
        m.put("Scope", v.scope() == null ? "" : v.scope());
        m.put("Size", "N/A");
        m.put("Status", "N/A");
        return m;
    }
}
