package dev.jcompose.cli;

import dev.jcompose.api.ServiceHash;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.ModelVariables;
import dev.jcompose.model.load.EnvironmentTrace;
import dev.jcompose.model.load.LoadOptions;
import dev.jcompose.model.load.ModelPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code config}: print the resolved, canonical model. */
@Command(name = "config", description = "Parse, resolve and render the compose file in canonical "
        + "format.")
public final class ConfigCommand implements Callable<Integer> {

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

    @Option(names = "--models", description = "Print the model references, one per line.")
    boolean models;

    @Option(names = "--hash", paramLabel = "SERVICES",
            description = "Print the config hash of these services (comma-separated, or *), "
                    + "one \"service hash\" per line.")
    String hash;

    @Option(names = "--environment", description = "Print each service's variables: the value "
            + "the container gets and where it came from (file and line, env file, shell).")
    boolean environment;

    @Option(names = "--no-interpolate", description = "Don't interpolate environment variables.")
    boolean noInterpolate;

    @Option(names = "--no-normalize", description = "Don't normalize the model (no default "
            + "network, no resource names).")
    boolean noNormalize;

    @Option(names = "--no-path-resolution", description = "Don't resolve file paths.")
    boolean noPathResolution;

    @Option(names = "--no-consistency", description = "Don't check references between "
            + "services and resources (the output may not be a valid project).")
    boolean noConsistency;

    @Option(names = "--no-env-resolution", description = "Don't resolve service env files.")
    boolean noEnvResolution;

    @Option(names = "--variables", description = "Print the variables the files use, with "
            + "whether they are required, their defaults and alternate values.")
    boolean variables;

    @Option(names = "--resolve-image-digests", description = "Pin each image to its digest "
            + "in its registry (name:tag@sha256:...).")
    boolean resolveImageDigests;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Save to FILE instead of printing.")
    Path output;

    @Parameters(paramLabel = "SERVICE", description = "Services to include (default: all).")
    List<String> selected = List.of();

    @Override
    public Integer call() {
        if (!format.equals("yaml") && !format.equals("json")) {
            throw CommandException.usage("--format must be yaml or json, not \"" + format + "\"");
        }
        LoadOptions options = root.loader().loadOptions(selected)
                .interpolate(!noInterpolate)
                .normalize(!noNormalize)
                .resolvePaths(!noPathResolution)
                .consistencyCheck(!noConsistency)
                // as compose v2, --hash hashes the services with their env files unread
                .resolveEnvironment(!noEnvResolution && hash == null)
                .build();
        if (environment) {
            return printEnvironment(ComposeLoader.explainEnvironment(options));
        }
        if (variables) {
            return printVariables(ModelVariables.of(ComposeLoader.rawModel(options)));
        }
        Project project = ComposeLoader.load(options);
        if (!selected.isEmpty()) {
            for (String s : selected) {
                if (!project.services().containsKey(s)) {
                    throw CommandException.usage("no such service: " + s);
                }
            }
            project = project.withSelectedServices(selected, true);
        }
        if (resolveImageDigests) {
            project = root.service().withImageDigests(project);
        }
        if (quiet) {
            return ExitCodes.OK;
        }
        if (!root.allResources) {
            // as docker compose: what no service uses is not part of the printed model
            project = project.withoutUnusedResources();
        }
        StringWriter text = new StringWriter();
        print(project, new PrintWriter(text));
        if (output != null) {
            Path file = root.console().workingDir().resolve(output);
            try {
                Files.writeString(file, text.toString());
            } catch (IOException e) {
                throw new CommandException("cannot write " + file + ": " + e.getMessage(),
                        ExitCodes.FAILURE);
            }
        } else {
            root.console().out().print(text);
            root.console().out().flush();
        }
        return ExitCodes.OK;
    }

    private void print(Project project, PrintWriter out) {
        if (hash != null) {
            List<String> wanted = hash.equals("*") ? List.copyOf(project.services().keySet())
                    : List.of(hash.split(","));
            for (String name : wanted) {
                Service s = project.services().get(name.strip());
                if (s == null) {
                    throw CommandException.usage("no such service: " + name.strip());
                }
                out.println(s.name() + " " + ServiceHash.of(s));
            }
        } else if (services) {
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
        } else if (models) {
            project.models().values().forEach(m -> out.println(m.model()));
        } else if (images) {
            for (Service s : project.services().values()) {
                out.println(s.imageName(project.name()));
            }
        } else if (format.equals("json")) {
            out.print(ModelPrinter.json(noInterpolate ? ModelPrinter.toSortedTree(project)
                    : ModelPrinter.escapeDollars(ModelPrinter.toTree(project))));
        } else {
            out.print(ModelPrinter.yaml(noInterpolate ? ModelPrinter.toSortedTree(project)
                    : ModelPrinter.escapeDollars(ModelPrinter.toTree(project))));
        }
        out.flush();
    }

    /** As compose v2 prints them: a table padded to 20 columns at least. */
    private int printVariables(Map<String, ModelVariables.Variable> found) {
        Table table = new Table(20, "NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE");
        found.values().forEach(v -> table.row(v.name(), String.valueOf(v.required()),
                v.defaultValue(), v.presenceValue()));
        table.print(root.console().out());
        return ExitCodes.OK;
    }

    private int printEnvironment(EnvironmentTrace trace) {
        Table table = new Table("SERVICE", "VARIABLE", "VALUE", "SOURCE");
        trace.services().forEach((service, vars) -> {
            if (!selected.isEmpty() && !selected.contains(service)) {
                return;
            }
            new java.util.TreeMap<>(vars).forEach((name, origin) -> table.row(service, name,
                    origin.value() == null ? "<unset>" : origin.value(), origin.source()));
        });
        table.print(root.console().out());
        return ExitCodes.OK;
    }
}
