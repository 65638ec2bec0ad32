package dev.jcompose.cli;

import dev.jcompose.api.BuildPolicy;
import dev.jcompose.api.ComposeSwitches;
import dev.jcompose.api.EventSubscription;
import dev.jcompose.api.PlanReport;
import dev.jcompose.api.PullPolicy;
import dev.jcompose.api.Recreate;
import dev.jcompose.api.UpOptions;
import dev.jcompose.api.WatchOptions;
import dev.jcompose.cli.menu.MenuChoice;
import dev.jcompose.cli.menu.MenuControl;
import dev.jcompose.cli.menu.WatchToggle;
import dev.jcompose.model.Project;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code up}: create and start the project's containers. */
@Command(name = "up", description = "Create and start containers.",
        footer = {"", "Examples:",
            "  jcompose up -d                  start everything in the background",
            "  jcompose up --wait web          start web and its dependencies, return once healthy",
            "  jcompose up --watch             follow the output and act on develop.watch rules",
            "  jcompose up --menu              keys on a terminal: w watch on/off, d detach",
            "  COMPOSE_MENU=true jcompose up   the same menu, from the environment"})
public final class UpCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = {"-d", "--detach"}, description = "Run containers in the background.")
    boolean detach;

    @Option(names = "--wait",
            description = "Wait until services are running, healthy or (one-shot) done; "
                    + "implies -d.")
    boolean waitForServices;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS",
            description = "The longest to wait with --wait (default: no limit).")
    Integer waitTimeout;

    @Option(names = "--abort-on-container-exit",
            description = "Stop all containers when one stops (attached up).")
    boolean abortOnExit;

    @Option(names = "--abort-on-container-failure",
            description = "Stop all containers when one exits with a failure (attached up).")
    boolean abortOnFailure;

    @Option(names = "--exit-code-from", paramLabel = "SERVICE",
            description = "Return this service's exit code; implies --abort-on-container-exit.")
    String exitCodeFrom;

    @Option(names = "--attach", paramLabel = "SERVICE",
            description = "Show the output of these services only (repeatable).")
    List<String> attach = new ArrayList<>();

    @Option(names = "--attach-dependencies",
            description = "Also show the output of the services' dependencies.")
    boolean attachDependencies;

    @Option(names = "--no-attach", paramLabel = "SERVICE",
            description = "Do not show the output of these services (repeatable).")
    List<String> noAttach = new ArrayList<>();

    @Option(names = "--menu", arity = "0..1", paramLabel = "BOOL",
            description = "Interactive keys while attached, on a terminal: w turns watch on "
                    + "and off, d detaches (default: COMPOSE_MENU, else off).")
    Boolean menu;

    @Option(names = {"-w", "--watch"}, description = "Watch the files of the services' "
            + "develop.watch rules and sync, rebuild or restart them on changes (as watch).")
    boolean watch;

    @Option(names = "--no-color", description = "Monochrome output.")
    boolean noColor;

    @Option(names = "--no-log-prefix", description = "Don't print a prefix in the logs.")
    boolean noLogPrefix;

    @Option(names = "--timestamps", description = "Show the log lines' times.")
    boolean timestamps;

    @Option(names = "--dry-run", description = "Print the plan; change nothing.")
    boolean dryRun;

    @Option(names = "--force-recreate", description = "Recreate containers even if unchanged.")
    boolean forceRecreate;

    @Option(names = "--no-recreate", description = "Never recreate existing containers.")
    boolean noRecreate;

    @Option(names = "--always-recreate-deps",
            description = "Recreate the named services' dependencies too.")
    boolean alwaysRecreateDeps;

    @Option(names = {"-V", "--renew-anon-volumes"},
            description = "Recreated containers get new anonymous volumes instead of keeping "
                    + "their predecessors' data.")
    boolean renewAnonVolumes;

    @Option(names = "--no-deps", description = "Do not start the named services' dependencies.")
    boolean noDeps;

    @Option(names = {"-y", "--yes"}, description = "Answer yes: a volume that no longer matches "
            + "the compose file (labels, driver) is removed and created again, its data lost "
            + "(without it the volume is kept, with a warning).")
    boolean yes;

    @Mixin
    PullAndOrphanOptions pullAndOrphans = new PullAndOrphanOptions();

    @Option(names = "--scale", paramLabel = "SERVICE=NUM",
            description = "Number of containers of a service (repeatable).")
    Map<String, Integer> scale = new LinkedHashMap<>();

    @Option(names = "--no-start", description = "Create containers but do not start them.")
    boolean noStart;

    @Option(names = "--pull", paramLabel = "POLICY",
            description = "Pull images: always, missing or never, for every service (default: "
                    + "each service's pull_policy, else missing).")
    String pull;

    @Option(names = "--build", description = "Build images before starting containers.")
    boolean build;

    @Option(names = "--no-build", description = "Do not build images, even if missing.")
    boolean noBuild;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
            description = "Shutdown timeout for replaced containers.")
    Integer timeout;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Most engine operations at once, -1 for no limit (default: the global "
                    + "--parallel, COMPOSE_PARALLEL_LIMIT or 64).")
    Integer parallel;

    @Parameters(paramLabel = "SERVICE", description = "Services to start (default: all).")
    List<String> services = new ArrayList<>();

    /** {@code --pull}: always, missing or never, else a usage error; unset: each service's. */
    static PullPolicy pullPolicy(String pull) {
        if (pull == null) {
            return PullPolicy.SERVICE;
        }
        if (!List.of("always", "missing", "never").contains(pull)) {
            throw CommandException.usage("--pull " + pull + " is not valid (use always, "
                    + "missing or never)");
        }
        return PullPolicy.of(pull);
    }

    /** When to recreate, from {@code --force-recreate} and {@code --no-recreate}. */
    static Recreate recreate(boolean force, boolean never) {
        return force ? Recreate.FORCE : never ? Recreate.NEVER : Recreate.DIVERGED;
    }

    /** The recreate flags docker compose refuses together. */
    static void checkRecreateFlags(boolean force, boolean never, boolean deps) {
        if (force && never) {
            throw CommandException.usage("--force-recreate and --no-recreate cannot be used "
                    + "together");
        }
        if (deps && never) {
            throw CommandException.usage("--always-recreate-deps and --no-recreate cannot be "
                    + "used together");
        }
    }

    /** {@code --scale S=N} and {@code scale S=N}: N is a number of containers, not negative. */
    static void checkScale(Map<String, Integer> scale) {
        scale.forEach((service, n) -> {
            if (n < 0) {
                throw CommandException.usage("--scale " + service + "=" + n + ": the number of "
                        + "containers cannot be negative");
            }
        });
    }

    @Override
    public Integer call() throws Exception {
        checkScale(scale);
        PullPolicy pullPolicy = pullPolicy(pull);
        if (build && noBuild) {
            throw CommandException.usage("--build and --no-build cannot be used together");
        }
        checkRecreateFlags(forceRecreate, noRecreate, alwaysRecreateDeps);
        int parallelism = parallelism();
        Project project = root.loader().load(services);
        UpOptions options = UpOptions.builder().services(services).noDeps(noDeps)
                .recreate(recreate(forceRecreate, noRecreate))
                .alwaysRecreateDeps(alwaysRecreateDeps).renewAnonVolumes(renewAnonVolumes)
                .orphans(ComposeSwitches.orphans(pullAndOrphans.removeOrphans, project.environment()))
                .scale(scale).noStart(noStart)
                .pull(pullPolicy)
                .build(build ? BuildPolicy.ALWAYS : noBuild ? BuildPolicy.NEVER
                        : BuildPolicy.MISSING)
                .stopTimeout(timeout == null ? null : Duration.ofSeconds(timeout))
                .allResources(root.allResources).recreateVolumes(yes)
                .compatibility(root.compatibility(project))
                .dryRun(dryRun).waitForServices(waitForServices)
                .waitTimeout(waitTimeout == null ? null : Duration.ofSeconds(waitTimeout))
                .parallelism(parallelism).build();
        boolean attached = !detach && !noStart && !waitForServices && !dryRun;
        if ((abortOnExit || abortOnFailure || exitCodeFrom != null) && !attached) {
            throw CommandException.usage("--abort-on-container-exit, "
                    + "--abort-on-container-failure and --exit-code-from need an attached up "
                    + "(no -d, --wait or --no-start)");
        }
        if (exitCodeFrom != null && !project.services().containsKey(exitCodeFrom)) {
            throw CommandException.usage("--exit-code-from " + exitCodeFrom + ": no such "
                    + "service (services: " + String.join(", ", project.services().keySet())
                    + ")");
        }
        java.time.Instant since = java.time.Instant.now().minusSeconds(1);
        PlanReport done = root.service().up(project, options);
        if (dryRun) {
            root.console().out().print(done);
            root.console().out().flush();
            return ExitCodes.OK;
        }
        root.finish();
        MenuChoice choice = MenuChoice.of(menu, root.console().env(), attached,
                root.console().outIsTerminal(), stdinIsTerminal());
        if (choice.note() != null) {
            root.console().err().println(choice.note());
        }
        if (choice.enabled()) {
            try (WatchToggle toggle = new WatchToggle(() -> startWatch(project))) {
                String unavailable = watchUnavailable(project);
                if (watch && unavailable == null) {
                    toggle.toggle();
                }
                return attach(project, since, toggle, unavailable);
            }
        }
        try (EventSubscription watching = watch ? startWatch(project) : null) {
            return attached ? attach(project, since, null, null)
                    : watching != null ? WatchCommand.await(watching) : ExitCodes.OK;
        }
    }

    private EventSubscription startWatch(Project project) {
        try {
            return root.quietService().watch(project, WatchOptions.defaults()
                    .withServices(services).withNoUp(true), new WatchPrinter(root.console(),
                    false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.jcompose.api.ComposeException("interrupted while starting watch", e);
        }
    }

    /** Why the menu's w cannot turn watch on (compose v2's words), or null when it can. */
    private String watchUnavailable(Project project) {
        boolean configured = project.services().values().stream()
                .filter(s -> services.isEmpty() || services.contains(s.name()))
                .anyMatch(s -> s.develop() != null && !s.develop().watch().isEmpty());
        return !configured ? MenuControl.NOT_CONFIGURED
                : noBuild ? "Cannot run watch mode with flag --no-build" : null;
    }

    /** Standard input is a terminal: the launcher says so, else whether the JVM has one. */
    private static boolean stdinIsTerminal() {
        String told = System.getProperty("jcompose.stdin.tty");
        return told != null ? told.equals("1") : System.console() != null;
    }


    private int attach(Project project, java.time.Instant since, WatchToggle menuWatch,
            String watchUnavailable) throws Exception {
        List<String> shown = new ArrayList<>(attach.isEmpty() ? (services.isEmpty()
                ? new ArrayList<>(project.services().keySet()) : services) : attach);
        if (attachDependencies) {
            project.withSelectedServices(shown, true).services().keySet().stream()
                    .filter(s -> !shown.contains(s)).toList().forEach(shown::add);
        }
        shown.removeAll(noAttach);
        AttachedUp up = new AttachedUp(root, project, shown, abortOnExit, abortOnFailure,
                exitCodeFrom);
        if (menuWatch != null) {
            up.withMenu(menuWatch, watchUnavailable);
        }
        return up.run(since, !noColor && root.colourOn(true), !noLogPrefix,
                timestamps);
    }

    private int parallelism() {
        return parallel != null ? JcomposeCommand.parallelism(Integer.toString(parallel),
                "up --parallel") : root.parallelism();
    }
}
