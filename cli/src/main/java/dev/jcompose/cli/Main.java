package dev.jcompose.cli;

import dev.jcompose.api.TargetFactory;
import dev.jcompose.cli.plugin.DockerCliArgs;
import dev.jcompose.cli.plugin.PluginCancel;
import dev.jcompose.cli.plugin.PluginMetadata;
import dev.jcompose.cli.startup.CommandTable;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/** The jcompose command-line entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        boolean leading = true; // docker's -D/--debug stand before the command
        for (String a : args) {
            leading &= a.startsWith("-");
            if (a.equals("--verbose") || leading && (a.equals("-D") || a.equals("--debug"))) {
                verboseLogging();
            }
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Console console = new Console(out, err, System.in, System.getenv(),
                Path.of("").toAbsolutePath(), isTerminal("stdout"), isTerminal("stderr"),
                System.out);
        int code = run(console, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * {@code --verbose}: jcompose's own debug log, with the engine's requests and answers
     * (dev.jcompose.runtime.RequestLog, registry credentials masked); other libraries at info.
     * docker-java and its HTTP client stay quiet: their debug logs print request bodies and
     * headers as they are, secrets and registry passwords with them.
     */
    private static void verboseLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        System.setProperty("org.slf4j.simpleLogger.log.dev.jcompose", "debug");
        System.setProperty("org.slf4j.simpleLogger.log.com.github.dockerjava", "warn");
    }

    /**
     * Whether a standard stream is a terminal: the launcher tells ({@code -Djcompose.stderr.tty}
     * from {@code [ -t 2 ]}); without it, whether the JVM has a console.
     */
    private static boolean isTerminal(String stream) {
        String told = System.getProperty("jcompose." + stream + ".tty");
        if (told != null) {
            return told.equals("1") || told.equals("true");
        }
        return System.console() != null;
    }

    /** Runs one command line on the local target; returns its exit code. */
    public static int run(Console console, String... args) {
        return run(console, TargetFactory.local(), args);
    }

    /**
     * Runs one command line on the targets {@code targets} opens, with the docker CLI's options
     * it gives; returns its exit code.
     */
    public static int run(Console console, TargetFactory targets, String... args) {
        // --- the docker CLI's plugin protocol and its global options (dev.jcompose.cli.plugin):
        // docker-cli-plugin-metadata, [docker options] compose [args], DOCKER_CLI_PLUGIN_SOCKET
        if (args.length == 1 && args[0].equals(PluginMetadata.SUBCOMMAND)) {
            console.out().print(PluginMetadata.json(Versions.composeCompatible()));
            console.out().flush();
            return ExitCodes.OK;
        }
        DockerCliArgs docker;
        try {
            docker = DockerCliArgs.parse(args, console.env(),
                    Set.copyOf(CommandTable.VALUED_ROOT_OPTIONS));
        } catch (IllegalArgumentException e) {
            console.err().println("error: " + e.getMessage());
            console.err().flush();
            return ExitCodes.USAGE;
        }
        if (docker.plugin()) {
            PluginCancel.watch(console.env());
        }
        Console withDocker = new Console(console.out(), console.err(), console.in(), docker.env(),
                console.workingDir(), console.outIsTerminal(), console.errIsTerminal(),
                console.bytesOut());
        String[] composeArgs = docker.composeArgs().toArray(String[]::new);
        // --- end of the plugin protocol
        return JcomposeCommand.commandLine(withDocker, targets, docker.options(), composeArgs)
                .execute(composeArgs);
    }
}
