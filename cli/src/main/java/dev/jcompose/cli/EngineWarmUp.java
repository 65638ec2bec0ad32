package dev.jcompose.cli;

import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.Engine;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Starts the engine client on a background thread while the command line is parsed and the
 * project is loaded. Creating docker-java's client and making the first calls (connection, JSON
 * mappings) costs about as much as picocli's set-up and reading the files; on two or more cores
 * the two now overlap. The warm-up only lists, with a filter that matches nothing, and ignores
 * its failures: the command's own call reports what is wrong.
 */
final class EngineWarmUp {

    /** Subcommands that never talk to the engine. */
    private static final Set<String> ENGINE_FREE = Set.of("config", "help", "completion");

    /**
     * Subcommands that read networks and volumes too; the others only list containers, and on
     * two cores mapping network and volume JSON they never read would slow them down.
     */
    private static final Set<String> USE_NETWORKS_AND_VOLUMES =
            Set.of("up", "down", "create", "run", "scale");

    private EngineWarmUp() {
    }

    /**
     * Whether {@code args} run a subcommand that talks to the engine: the first word after the
     * root's options names one, and no help or version is asked for.
     */
    static boolean wanted(String... args) {
        return command(args) != null;
    }

    /** The subcommand {@code args} run if it talks to the engine (see {@link #wanted}), or null. */
    static String command(String... args) {
        String command = subcommand(args);
        return command == null || ENGINE_FREE.contains(command) ? null : command;
    }

    /**
     * The subcommand {@code args} run: the first word after the root's options, when it names
     * one and no help or version is asked for; else null.
     */
    static String subcommand(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help") || a.equals("-v") || a.equals("--version")) {
                return null;
            }
            if (a.startsWith("-")) {
                if (a.indexOf('=') < 0 && VALUED_ROOT_OPTIONS.contains(a)) {
                    i++;
                }
                continue;
            }
            if (!COMMAND_NAMES.contains(a)) {
                return null;
            }
            for (int j = i + 1; j < args.length; j++) {
                if (args[j].equals("-h") || args[j].equals("--help")) {
                    return null;
                }
            }
            return a;
        }
        return null;
    }

    /**
     * Whether the root options in {@code args} choose the files to load ({@code -f},
     * {@code --project-directory}, {@code --env-file}), which a parse ahead would not know.
     */
    static boolean choosesFiles(String... args) {
        for (int i = 0; i < args.length && args[i].startsWith("-"); i++) {
            String a = args[i];
            if (a.startsWith("-f") || a.startsWith("--file") || a.startsWith("--project-directory")
                    || a.startsWith("--env-file")) {
                return true;
            }
            if (a.indexOf('=') < 0 && VALUED_ROOT_OPTIONS.contains(a)) {
                i++;
            }
        }
        return false;
    }

    /**
     * Warms up what {@code command} will ask the engine for first. For {@code ps}, whose first
     * and only call is a listing, that listing is taken now, for every compose project (the
     * project is not known yet), and answers ps's own ({@link Engine#prefetchContainers}).
     */
    static void start(Supplier<Engine> engine, String command, String... args) {
        boolean all = USE_NETWORKS_AND_VOLUMES.contains(command);
        Thread.ofPlatform().daemon().name("jcompose-engine-warm-up").start(() -> {
            try {
                Map<String, String> none = Map.of(Labels.PROJECT, "jcompose-warm-up-matches-nothing");
                Engine e = engine.get();
                if (command.equals("ps")) {
                    e.prefetchContainers(psListsStopped(args));
                    return;
                }
                e.listContainers(none, true);
                if (all) {
                    e.listNetworks(none);
                    e.listVolumes(none);
                }
            } catch (RuntimeException e) {
                // the command's own engine call reports what is wrong
            }
        });
    }

    /**
     * Whether {@code ps} with {@code args} lists stopped containers too ({@code -a}, also in a
     * cluster such as {@code -qa}; {@code --status}, {@code --filter}). A wrong guess costs only
     * the prefetch: a listing asking for other states is not answered from it.
     */
    static boolean psListsStopped(String... args) {
        for (String a : args) {
            if (a.equals("--all") || a.startsWith("--status") || a.startsWith("--filter")
                    || a.matches("-[aqh]*a[aqh]*")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The root options that take a value, and every subcommand's name: written out rather than
     * read from the annotations, which would cost the main thread ~20 ms of reflection before the
     * warm-up could start. {@code CommandLineStartupTest} checks both against the annotations.
     */
    static final Set<String> VALUED_ROOT_OPTIONS = Set.of("-f", "--file", "-p", "--project-name",
            "--project-directory", "--env-file", "--profile", "--progress", "--ansi", "--parallel");

    static final Set<String> COMMAND_NAMES = Set.of("up", "down", "ps", "logs", "config",
            "version", "build", "pull", "push", "start", "stop", "restart", "kill", "pause",
            "unpause", "rm", "run", "exec", "port", "ls", "create", "scale", "wait", "top",
            "events", "images", "completion", "help", "stack");
}
