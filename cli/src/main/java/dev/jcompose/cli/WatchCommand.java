package dev.jcompose.cli;

import dev.jcompose.api.EventSubscription;
import dev.jcompose.api.WatchOptions;
import dev.jcompose.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

/** {@code watch}: act on file changes as the services' {@code develop.watch} rules say. */
@Command(name = "watch",
        description = "Watch the files of the services' develop.watch rules and sync, rebuild "
                + "or restart the services when they change; Ctrl-C stops watching (the services "
                + "keep running, exit code 130, as compose v2).",
        footer = {
            "",
            "Examples:",
            "  jcompose watch                 build and start the project, then watch it",
            "  jcompose watch --no-up web     watch web's files only; it is already running",
            "  jcompose watch --prune         remove the image a rebuild replaced",
            "",
            "Rules (compose.yaml):",
            "  develop:",
            "    watch:",
            "      - {path: ./src, action: sync, target: /app/src, ignore: [node_modules/]}",
            "      - {path: package.json, action: rebuild}"
        })
public final class WatchCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--no-up", description = "Do not build and start the services first.")
    boolean noUp;

    @Option(names = "--prune", description = "After a rebuild, remove the image it replaced.")
    boolean prune;

    @Option(names = "--quiet", description = "Print failures only.")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE", description = "Services to watch (default: all with "
            + "develop.watch).")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Project project = root.loader().load(services);
        WatchOptions options = WatchOptions.defaults().withServices(services).withNoUp(noUp)
                .withPrune(prune);
        if (!noUp) {
            (quiet ? root.quietService() : root.service()).up(project, options.up());
        }
        root.finish();
        try (EventSubscription watch = root.quietService().watch(project,
                options.withNoUp(true), new WatchPrinter(root.console(), quiet))) {
            return await(watch);
        }
    }

    /**
     * Waits for {@code watch} to end. Ctrl-C: the action under way is finished (a restart never
     * stops halfway), then watch ends with 130 and the services keep running, as compose v2
     * leaves them.
     */
    static int await(EventSubscription watch) throws InterruptedException {
        AtomicBoolean interrupted = new AtomicBoolean();
        onInterrupt(() -> {
            interrupted.set(true);
            watch.close();
        });
        watch.awaitCompletion();
        return interrupted.get() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    private static void onInterrupt(Runnable action) {
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), s -> action.run());
            } catch (IllegalArgumentException e) {
                // not catchable here (in-process tests): the JVM's default applies
            }
        }
    }
}
