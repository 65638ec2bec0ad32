package dev.jcompose.cli.startup;

import dev.jcompose.api.ComposeTarget;
import dev.jcompose.api.PsOptions;
import dev.jcompose.api.WarmUp;
import dev.jcompose.cli.startup.CommandTable.EngineUse;
import dev.jcompose.planner.progress.ProgressListener;
import java.util.List;
import java.util.function.Supplier;

/**
 * Connects to the target on a background thread while the command line is parsed and the
 * project is loaded. Creating the engine client and making the first calls (connection, JSON)
 * costs about as much as picocli's set-up and reading the files; on two or more cores the two
 * now overlap. The warm-up only lists, with a filter that matches nothing (or, for {@code ps},
 * every compose project's containers: {@link PsPrefetch}), and ignores its failures: the
 * command's own call reports what is wrong.
 */
public final class EngineWarmUp {

    private EngineWarmUp() {
    }

    /**
     * Warms up what the subcommand {@code args} run will ask the target first, if it talks to
     * it (see {@link #command}).
     *
     * @return the listing {@code ps} answers from (empty unless the command is ps)
     */
    public static PsPrefetch start(Supplier<ComposeTarget> target, String... args) {
        PsPrefetch prefetch = new PsPrefetch();
        String name = command(args);
        if (name == null) {
            return prefetch;
        }
        EngineUse use = CommandTable.named(name).engine();
        boolean stopped = psListsStopped(args);
        Thread.ofPlatform().daemon().name("jcompose-engine-warm-up").start(() -> {
            try {
                ComposeTarget t = target.get();
                if (use == EngineUse.PS) {
                    prefetch.take(stopped, all -> t.service(ProgressListener.NONE)
                            .psAllProjects(new PsOptions(all, List.of())));
                } else {
                    t.warmUp(use == EngineUse.RESOURCES ? WarmUp.RESOURCES : WarmUp.CONTAINERS);
                }
            } catch (RuntimeException e) {
                // the command's own engine call reports what is wrong
            }
        });
        return prefetch;
    }

    /**
     * Whether {@code args} run a subcommand that talks to the engine: the first word after the
     * root's options names one, and no help or version is asked for.
     */
    public static boolean wanted(String... args) {
        return command(args) != null;
    }

    /** The subcommand {@code args} run if it talks to the engine (see {@link #wanted}), or null. */
    public static String command(String... args) {
        String command = subcommand(args);
        return command == null || CommandTable.named(command).engine() == EngineUse.NONE
                ? null : command;
    }

    /**
     * The subcommand {@code args} run: the first word after the root's options, when it names
     * one and no help or version is asked for; else null.
     */
    public static String subcommand(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help") || a.equals("-v") || a.equals("--version")) {
                return null;
            }
            if (a.startsWith("-")) {
                if (a.indexOf('=') < 0 && CommandTable.takesValue(a)) {
                    i++;
                }
                continue;
            }
            if (CommandTable.named(a) == null) {
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
    public static boolean choosesFiles(String... args) {
        for (int i = 0; i < args.length && args[i].startsWith("-"); i++) {
            String a = args[i];
            if (a.startsWith("-f") || a.startsWith("--file") || a.startsWith("--project-directory")
                    || a.startsWith("--env-file")) {
                return true;
            }
            if (a.indexOf('=') < 0 && CommandTable.takesValue(a)) {
                i++;
            }
        }
        return false;
    }

    /**
     * Whether {@code ps} with {@code args} lists stopped containers too ({@code -a}, also in a
     * cluster such as {@code -qa}; {@code --status}, {@code --filter}). A wrong guess costs only
     * the prefetch: a listing asking for other states is not answered from it.
     */
    public static boolean psListsStopped(String... args) {
        for (String a : args) {
            if (a.equals("--all") || a.startsWith("--status") || a.startsWith("--filter")
                    || a.matches("-[aqh]*a[aqh]*")) {
                return true;
            }
        }
        return false;
    }
}
