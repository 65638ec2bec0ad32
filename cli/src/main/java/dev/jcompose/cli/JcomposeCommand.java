package dev.jcompose.cli;

import dev.jcompose.api.ComposeService;
import dev.jcompose.api.ComposeSwitches;
import dev.jcompose.api.ComposeTarget;
import dev.jcompose.api.DockerCliOptions;
import dev.jcompose.api.LogEntry;
import dev.jcompose.api.ProjectLoader;
import dev.jcompose.api.ProjectOptions;
import dev.jcompose.api.TargetFactory;
import dev.jcompose.cli.progress.ProgressRenderers;
import dev.jcompose.cli.startup.CommandTable;
import dev.jcompose.cli.startup.PsPrefetch;
import dev.jcompose.cli.startup.Startup;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.planner.progress.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root command: global options, and the shared pieces commands use (the project loader, the
 * compose service on its target, the progress renderer), created lazily so a command pays only
 * for what it uses.
 *
 * <p>Over 400 lines because picocli declares global options as fields of the root command: one per
 * docker and compose global flag, each with its help text.
 */
@Command(name = "jcompose",
        mixinStandardHelpOptions = false,
        usageHelpAutoWidth = false,
        description = "Define and run multi-container applications: a Java implementation of "
                + "Docker Compose.",
        footer = {
            "",
            "Examples:",
            "  jcompose up -d                 start the project in this directory",
            "  jcompose -f a.yaml -f b.yaml config   show the merged, resolved model",
            "  jcompose logs web              show the logs of the web service",
            "  jcompose -p demo down -v       remove project demo and its volumes"
        })
public final class JcomposeCommand implements Runnable {

    /**
     * The subcommands, in help order, from the {@link CommandTable}. Not in the annotation:
     * picocli builds a command's model by reflection when it is registered, so
     * {@link #commandLine(Console, TargetFactory, String...)} registers only the one a command
     * line invokes.
     */
    static final List<Class<?>> COMMANDS = CommandTable.entries().stream()
            .<Class<?>>map(CommandTable.Entry::type).toList();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Compose file (repeatable; - reads stdin). Default: compose.yaml or "
                    + "docker-compose.yml here or in a parent directory.")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Project name.")
    String projectName;

    @Option(names = "--project-directory", paramLabel = "DIR",
            description = "Project directory (default: the first compose file's directory).")
    Path projectDirectory;

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Environment file for interpolation (repeatable; default: .env).")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Enable a profile (repeatable).")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--compatibility",
            description = "Name containers as docker-compose 1.x did (project_service_1); also "
                    + "COMPOSE_COMPATIBILITY=true.")
    boolean compatibility;

    @Option(names = "--all-resources",
            description = "Include all resources, even those no service uses (up creates every "
                    + "declared network and volume).")
    boolean allResources;

    @Option(names = "--progress", paramLabel = "MODE",
            description = "Progress output: auto, tty, plain, json, quiet (default: auto, or "
                    + "COMPOSE_PROGRESS).")
    String progress;

    @Option(names = "--ansi", paramLabel = "WHEN",
            description = "Control characters: never, always, auto (default: auto, or "
                    + "COMPOSE_ANSI).")
    String ansi;

    @Option(names = "--dry-run", description = "Print what a command would do instead of "
            + "doing it (as the command's own --dry-run).")
    boolean dryRun;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Most engine operations at once, -1 for no limit (default: 64, or "
                    + "COMPOSE_PARALLEL_LIMIT).")
    Integer parallel;

    @Option(names = "--verbose", description = "Show debug output and stack traces.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-v", "--version"}, versionHelp = true, description = "Show the version.")
    boolean versionRequested;

    private final Console console;
    private final TargetFactory targets;
    private final DockerCliOptions docker;
    private ComposeTarget target;
    private ProgressListener progressListener;
    private Startup startup = Startup.none();

    /**
     * On the targets {@code targets} opens, with the docker CLI's global options
     * ({@code --context}, {@code -H}, {@code --tls*}) given as {@code docker}.
     */
    JcomposeCommand(Console console, TargetFactory targets, DockerCliOptions docker) {
        this.console = console;
        this.targets = targets;
        this.docker = docker;
    }

    /** A command line with every subcommand, jcompose's error handling and exit codes. */
    static CommandLine commandLine(Console console, TargetFactory targets) {
        JcomposeCommand root = new JcomposeCommand(console, targets, DockerCliOptions.NONE);
        CommandLine cl = new CommandLine(root, new Factory(root));
        COMMANDS.forEach(cl::addSubcommand);
        return configure(cl, root);
    }

    /**
     * A command line for {@code args}: with only the subcommand they invoke when that is clear,
     * which saves most of picocli's start-up work; with all of them for help, mistakes and
     * anything unusual, so help listings and suggestions stay complete.
     */
    static CommandLine commandLine(Console console, TargetFactory targets, String... args) {
        return commandLine(console, targets, DockerCliOptions.NONE, args);
    }

    /**
     * As {@link #commandLine(Console, TargetFactory, String...)}, acting on the engine the
     * docker CLI's options {@code docker} name.
     */
    static CommandLine commandLine(Console console, TargetFactory targets,
            DockerCliOptions docker, String... args) {
        JcomposeCommand root = new JcomposeCommand(console, targets, docker);
        root.startup = Startup.begin(console, root::target, args);
        CommandLine cl = new CommandLine(root, new Factory(root));
        Class<?> invoked = invokedCommand(cl.getCommandSpec(), args);
        (invoked == null || invoked == CommandLine.HelpCommand.class ? COMMANDS
                : List.<Class<?>>of(invoked)).forEach(cl::addSubcommand);
        return configure(cl, root);
    }

    /** The subcommand class {@code args} name after the root's options, or null. */
    static Class<?> invokedCommand(CommandLine.Model.CommandSpec root, String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("-")) {
                int eq = arg.indexOf('=');
                CommandLine.Model.OptionSpec option =
                        root.findOption(eq < 0 ? arg : arg.substring(0, eq));
                if (option == null || option.usageHelp() || option.versionHelp()) {
                    return null;
                }
                if (eq < 0 && option.arity().max() > 0) {
                    i++;
                }
                continue;
            }
            for (Class<?> command : COMMANDS) {
                Command c = command.getAnnotation(Command.class);
                if (c.name().equals(arg) || List.of(c.aliases()).contains(arg)) {
                    return command;
                }
            }
            return null;
        }
        return null;
    }

    /** jcompose's streams, handlers and version; after the subcommands, so they get them too. */
    private static CommandLine configure(CommandLine cl, JcomposeCommand root) {
        // after SERVICE, everything is the command's, options included (exec box sh -c ...)
        for (String command : List.of("exec", "run")) {
            CommandLine sub = cl.getSubcommands().get(command);
            if (sub != null) {
                sub.setStopAtPositional(true);
            }
        }
        cl.setOut(root.console.out());
        cl.setErr(root.console.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorHandler(root));
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExitCodeExceptionMapper(e -> ExitCodes.FAILURE);
        cl.getCommandSpec().version(Versions.jcompose());
        cl.setExecutionStrategy(parsed -> {
            root.validateOptions();
            if (root.dryRun && parsed.subcommand() != null) {
                dryRun(parsed.subcommand());
            }
            try {
                return new CommandLine.RunLast().execute(parsed);
            } finally {
                root.finish();
            }
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this),
                "no command given; run jcompose --help to see the commands");
    }

    /**
     * The most engine operations a command runs at once: {@code --parallel}, else
     * {@code COMPOSE_PARALLEL_LIMIT}, else {@link ComposeService#DEFAULT_PARALLELISM}; -1 is no
     * limit.
     */
    int parallelism() {
        if (parallel != null) {
            return parallelism(Integer.toString(parallel), "--parallel");
        }
        String env = console.env().get("COMPOSE_PARALLEL_LIMIT");
        if (env != null && !env.isBlank()) {
            return parallelism(env.strip(), "COMPOSE_PARALLEL_LIMIT");
        }
        return ComposeService.DEFAULT_PARALLELISM;
    }

    /** {@code value} of {@code source} as a parallelism, or a usage error naming both. */
    static int parallelism(String value, String source) {
        if (value.matches("[1-9][0-9]{0,8}")) {
            return Integer.parseInt(value);
        }
        if (value.equals("-1")) {
            return Integer.MAX_VALUE;
        }
        throw CommandException.usage(source + " " + value + " is not valid: give the most "
                + "engine operations at once (1 or more), or -1 for no limit");
    }

    Console console() {
        return console;
    }

    /** A command line with every subcommand, on this one's targets (completion scripts). */
    CommandLine fullCommandLine() {
        return commandLine(console, targets);
    }

    boolean verbose() {
        return verbose;
    }

    ProjectOptions projectOptions() {
        List<Path> env = envFiles;
        String fromEnv = console.env().get("COMPOSE_ENV_FILES");
        if (env.isEmpty() && fromEnv != null && !fromEnv.isEmpty()) {
            // as compose v2: a comma-separated list, when no --env-file is given
            env = java.util.Arrays.stream(fromEnv.split(",")).map(Path::of).toList();
        }
        return new ProjectOptions(files, projectName, projectDirectory, env, profiles,
                console.workingDir(), console.env());
    }

    /** Commands that change nothing: a global {@code --dry-run} leaves them as they are. */
    private static final java.util.Set<String> READ_ONLY = java.util.Set.of("ps", "config",
            "logs", "ls", "images", "port", "top", "version", "events", "completion", "help",
            "wait");

    /**
     * {@code --dry-run} before the command, as compose v2's global flag: the command's own
     * {@code --dry-run}; a command that changes something and has none is refused.
     */
    private static void dryRun(CommandLine.ParseResult command) {
        CommandLine.Model.OptionSpec own = command.commandSpec().findOption("--dry-run");
        if (own != null) {
            own.setValue(true);
        } else if (!READ_ONLY.contains(command.commandSpec().name())) {
            throw new CommandLine.ParameterException(command.commandSpec().commandLine(),
                    "--dry-run is not supported by " + command.commandSpec().name());
        }
    }

    /**
     * Whether containers are named as docker-compose 1.x did: {@code --compatibility}, or
     * {@code COMPOSE_COMPATIBILITY} in the project's environment.
     */
    boolean compatibility(Project project) {
        return ComposeSwitches.compatibility(compatibility, project.environment());
    }

    /** The listing {@code ps} answers from, taken while the command line was read. */
    PsPrefetch prefetch() {
        return startup.prefetch();
    }

    ProjectLoader loader() {
        return new ProjectLoader(projectOptions(), this::warn, console.in(), startup.parsed());
    }

    void warn(Problem p) {
        console.err().println("WARN " + p);
    }

    /** The target commands deploy to, opened on first use. */
    synchronized ComposeTarget target() {
        if (target == null) {
            target = targets.open(docker, console.env());
        }
        return target;
    }

    synchronized ProgressListener progress() {
        if (progressListener == null) {
            // COMPOSE_STATUS_STDOUT: progress on stdout, as compose v2 writes it then
            Console to = Boolean.parseBoolean(console.env().getOrDefault(
                    "COMPOSE_STATUS_STDOUT", "false").strip().toLowerCase(java.util.Locale.ROOT)
                            .replace("1", "true"))
                    ? new Console(console.out(), console.out(), console.in(), console.env(),
                            console.workingDir(), console.outIsTerminal(),
                            console.outIsTerminal())
                    : console;
            progressListener = ProgressRenderers.create(progress, to, colourOn(to != console));
        }
        return progressListener;
    }

    /**
     * Whether to colour output going to stdout ({@code false}: stderr): {@code --ansi always}
     * yes, {@code never} no, {@code auto} when that stream is a terminal and {@code NO_COLOR}
     * is unset.
     */
    boolean colourOn(boolean stdout) {
        return switch (ansi) {
            case "always" -> true;
            case "never" -> false;
            default -> (stdout ? console.outIsTerminal() : console.errIsTerminal())
                    && console.env().get("NO_COLOR") == null;
        };
    }

    /** Ends the live progress display, if one is showing; before anything else is printed. */
    synchronized void finish() {
        if (progressListener instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // the display is only output
            }
            progressListener = ProgressListener.NONE;
        }
    }

    /** Checks the root options that take a fixed set of values. */
    void validateOptions() {
        // the environment's defaults, as compose v2 reads them
        if (ansi == null) {
            ansi = console.env().getOrDefault("COMPOSE_ANSI", "auto");
        }
        if (progress == null) {
            progress = console.env().getOrDefault("COMPOSE_PROGRESS", "auto");
        }
        if (!ProgressRenderers.MODES.contains(progress)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--progress "
                    + progress + " is not valid (use auto, tty, plain, json or quiet)");
        }
        if (!java.util.Set.of("auto", "always", "never").contains(ansi)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--ansi " + ansi
                    + " is not valid (use auto, always or never)");
        }
    }

    ComposeService service() {
        return target().service(progress());
    }

    /** The service, with the output of post_start and pre_stop hooks sent to {@code hooks}. */
    ComposeService service(Consumer<LogEntry> hooks) {
        return target().service(progress(), hooks);
    }

    /** The service with no progress output ({@code --quiet}). */
    ComposeService quietService() {
        return target().service(ProgressListener.NONE);
    }

    /** Creates commands with access to the root. */
    private static final class Factory implements CommandLine.IFactory {
        private final JcomposeCommand root;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(JcomposeCommand root) {
            this.root = root;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == JcomposeCommand.class) {
                return cls.cast(root);
            }
            return fallback.create(cls);
        }
    }
}
