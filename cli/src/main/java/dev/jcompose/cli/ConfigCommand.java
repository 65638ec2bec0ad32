package dev.jcompose.cli;

import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.load.ModelPrinter;
import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code config}: print the resolved, canonical model. */
@Command(name = "config", description = "Parse, resolve and render the compose file in canonical "
        + "format.")
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output format: yaml or json (default: yaml).")
    String format = "yaml";

    @Option(names = {"-q", "--quiet"}, description = "Only validate; print nothing.")
    boolean quiet;

    @Option(names = "--services", description = "Print the service names, one per line.")
    boolean services;

    @Option(names = "--volumes", description = "Print the volume names, one per line.")
    boolean volumes;

    @Option(names = "--networks", description = "Print the network names, one per line.")
    boolean networks;

    @Option(names = "--profiles", description = "Print the profile names, one per line.")
    boolean profiles;

    @Option(names = "--images", description = "Print the image names, one per line.")
    boolean images;

    @Parameters(paramLabel = "SERVICE", description = "Services to include (default: all).")
    List<String> selected = List.of();

    @Override
    public Integer call() {
        if (!format.equals("yaml") && !format.equals("json")) {
            throw CommandException.usage("--format must be yaml or json, not \"" + format + "\"");
        }
        Project project = root.loader().load(selected);
        if (!selected.isEmpty()) {
            for (String s : selected) {
                if (!project.services().containsKey(s)) {
                    throw CommandException.usage("no such service: " + s);
                }
            }
            project = project.withSelectedServices(selected, true);
        }
        PrintWriter out = root.console().out();
        if (quiet) {
            return ExitCodes.OK;
        }
        if (services) {
            project.services().keySet().forEach(out::println);
        } else if (volumes) {
            project.volumes().keySet().forEach(out::println);
        } else if (networks) {
            project.networks().keySet().forEach(out::println);
        } else if (profiles) {
            TreeSet<String> all = new TreeSet<>();
            project.services().values().forEach(s -> all.addAll(s.profiles()));
            project.disabledServices().values().forEach(s -> all.addAll(s.profiles()));
            all.forEach(out::println);
        } else if (images) {
            for (Service s : project.services().values()) {
                out.println(s.imageName(project.name()));
            }
        } else if (format.equals("json")) {
            out.print(ModelPrinter.json(project));
        } else {
            out.print(ModelPrinter.yaml(project));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
