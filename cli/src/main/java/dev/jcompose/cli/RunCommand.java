package dev.jcompose.cli;

import dev.jcompose.api.ComposeSwitches;
import dev.jcompose.api.ProcessStreams;
import dev.jcompose.api.RunOptions;
import dev.jcompose.model.Project;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code run SERVICE [COMMAND...]}: a one-off container of a service, after its dependencies.
 * Named {@code project-service-run-<hex>} and labelled {@code oneoff=True} (so {@code down}
 * removes it); no published ports unless {@code --service-ports}. Its exit code is jcompose's.
 */
@Command(name = "run", description = "Run a one-off command on a service.")
public final class RunCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = "--rm", description = "Remove the container when it exits.")
    boolean remove;

    @Option(names = {"-d", "--detach"}, description = "Run in the background; print its name.")
    boolean detach;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE",
            description = "Set an environment variable (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = "--entrypoint", paramLabel = "CMD", description = "Override the entrypoint.")
    String entrypoint;

    @Option(names = "--name", paramLabel = "NAME", description = "Name the container.")
    String name;

    @Option(names = "--no-deps", description = "Do not start the services it depends on.")
    boolean noDeps;

    @Option(names = {"-T", "--no-TTY"}, description = "Do not allocate a pseudo-terminal.")
    boolean noTty;

    @Option(names = {"-P", "--service-ports"}, description = "Publish the service's ports.")
    boolean servicePorts;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Run as this user.")
    String user;

    @Option(names = {"-p", "--publish"}, paramLabel = "[IP:]HOST:CONTAINER",
            description = "Publish a port of the container (repeatable).")
    List<String> publish = new ArrayList<>();

    @Option(names = {"-v", "--volume", "--volumes"}, paramLabel = "SRC:DST[:MODE]",
            description = "Mount a volume or a host path (repeatable).")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--env-from-file", paramLabel = "FILE",
            description = "Set the variables of an env file (repeatable; -e wins).")
    List<java.nio.file.Path> envFiles = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR",
            description = "Run in this directory.")
    String workdir;

    @Option(names = "--cap-add", paramLabel = "CAP",
            description = "Add a Linux capability (repeatable).")
    List<String> capAdd = new ArrayList<>();

    @Option(names = "--cap-drop", paramLabel = "CAP",
            description = "Drop a Linux capability (repeatable).")
    List<String> capDrop = new ArrayList<>();

    @Option(names = {"-l", "--label", "--labels"}, paramLabel = "KEY=VALUE",
            description = "Add or override a label (repeatable).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--use-aliases", description = "Join the service's networks with its "
            + "name and network aliases too (by default only the container's name).")
    boolean useAliases;

    @Option(names = "--build", description = "Build the images first, even if present.")
    boolean build;

    @Mixin
    PullAndOrphanOptions pullAndOrphans = new PullAndOrphanOptions();

    @Option(names = {"-i", "--interactive"}, arity = "0..1", defaultValue = "true",
            fallbackValue = "true", paramLabel = "BOOL",
            description = "Keep stdin open even if not attached (default: true).")
    boolean stdinOpen = true;

    @Option(names = {"-t", "--tty"}, arity = "0..1", fallbackValue = "true", hidden = true,
            paramLabel = "BOOL", description = "Allocate a pseudo-terminal (the opposite of -T).")
    Boolean tty;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service.")
    String service;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*",
            description = "The command and its arguments (default: the service's).")
    List<String> command = new ArrayList<>();

    /** The {@code --label KEY=VALUE}s, in order; the last of a key wins. */
    private Map<String, String> labels() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : labels) {
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw CommandException.usage("--label " + l + ": a label is set as KEY=VALUE");
            }
            out.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return out;
    }

    @Override
    public Integer call() throws Exception {
        Project project = root.loader().load(List.of(service));
        Map<String, String> vars = new LinkedHashMap<>();
        for (java.nio.file.Path file : envFiles) {
            java.nio.file.Path path = root.console().workingDir().resolve(file);
            if (!java.nio.file.Files.isRegularFile(path)) {
                throw CommandException.usage("--env-from-file " + file + ": no such file");
            }
            vars.putAll(dev.jcompose.model.load.Environment.readEnvFile(path,
                    root.console().env()::get));
        }
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq >= 0) {
                vars.put(e.substring(0, eq), e.substring(eq + 1));
            } else if (project.environment().get(e) != null) {
                // a bare -e KEY: from the shell, else --env-file / .env; unset: not passed
                vars.put(e, project.environment().get(e));
            }
        }
        if (tty != null && noTty) {
            throw CommandException.usage("--tty and --no-TTY can't be used together");
        }
        if (!publish.isEmpty() && servicePorts) {
            throw CommandException.usage("--service-ports and --publish are incompatible");
        }
        boolean interactive = !noTty && !Boolean.FALSE.equals(tty) && !detach
                && root.console().outIsTerminal() && System.console() != null;
        RunOptions options = RunOptions.builder(service).command(command)
                .entrypoint(entrypoint == null ? null : List.of(entrypoint)).env(vars).name(name)
                .user(user).workingDir(workdir).noDeps(noDeps).servicePorts(servicePorts)
                .remove(remove).detach(detach).tty(interactive).publish(publish)
                .volumes(volumes).compatibility(root.compatibility(project))
                .orphans(ComposeSwitches.orphans(pullAndOrphans.removeOrphans, project.environment()))
                .capAdd(capAdd).capDrop(capDrop).labels(labels()).useAliases(useAliases)
                .build(build).stdinOpen(stdinOpen).build();
        if (!interactive) {
            ProcessStreams io = new ProcessStreams(null, new WriterStream(root.console().out()),
                    new WriterStream(root.console().err()));
            int code = root.service().run(project, options, io);
            root.console().out().flush();
            return code;
        }
        root.finish();
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Attributes saved = terminal.enterRawMode();
            try {
                return root.service().run(project, options, new ProcessStreams(terminal.input(),
                        new FileOutputStream(FileDescriptor.out),
                        new FileOutputStream(FileDescriptor.err)));
            } finally {
                terminal.setAttributes(saved);
            }
        }
    }
}
