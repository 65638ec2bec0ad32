package dev.jcompose.cli;

import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.EventSubscription;
import dev.jcompose.api.EventsOptions;
import dev.jcompose.api.LifecycleCommand;
import dev.jcompose.api.LogsOptions;
import dev.jcompose.api.PsOptions;
import dev.jcompose.cli.menu.MenuControl;
import dev.jcompose.cli.menu.UpMenu;
import dev.jcompose.cli.menu.WatchToggle;
import dev.jcompose.model.Project;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code up} without {@code -d}: the services' output, prefixed, until every container has
 * stopped. The first Ctrl-C stops the containers gracefully (and says a second one forces),
 * the second kills them. With {@code --abort-on-container-exit} (or
 * {@code --abort-on-container-failure}, or {@code --exit-code-from}) the first container to
 * exit (with a failure) stops the others, and its exit code is jcompose's.
 */
final class AttachedUp {

    private final JcomposeCommand root;
    private final Project project;
    private final List<String> attach;
    private final boolean abortOnExit;
    private final boolean abortOnFailure;
    private final String exitCodeFrom;
    private WatchToggle menuWatch;
    private String watchUnavailable;

    AttachedUp(JcomposeCommand root, Project project, List<String> attach, boolean abortOnExit,
            boolean abortOnFailure, String exitCodeFrom) {
        this.root = root;
        this.project = project;
        this.attach = attach;
        this.abortOnExit = abortOnExit || exitCodeFrom != null;
        this.abortOnFailure = abortOnFailure;
        this.exitCodeFrom = exitCodeFrom;
    }

    /**
     * Shows the interactive menu while attached ({@code up --menu}): {@code w} turns
     * {@code watch} on and off, {@code d} detaches.
     *
     * @param watchUnavailable why watch cannot be turned on, or null
     */
    AttachedUp withMenu(WatchToggle watch, String watchUnavailable) {
        this.menuWatch = watch;
        this.watchUnavailable = watchUnavailable;
        return this;
    }

    /**
     * Streams until the containers stop; returns the exit code for jcompose. Each line with
     * its container's prefix unless {@code !prefix}, and its time with {@code timestamps}.
     */
    int run(Instant since, boolean colour, boolean prefix, boolean timestamps)
            throws InterruptedException {
        PrintWriter err = root.console().err();
        String name = project.name();
        int width = root.service().ps(name, new PsOptions(true, attach)).stream()
                .mapToInt(c -> (c.service() + "-" + c.number()).length()).max().orElse(0);
        LogPrinter printer = new LogPrinter(root.console().out(), prefix, timestamps, colour,
                width)
                .errorsTo(root.console().err());
        CountDownLatch stop = new CountDownLatch(1);
        AtomicReference<String> why = new AtomicReference<>();
        AtomicInteger code = new AtomicInteger(0);
        AtomicInteger interrupts = new AtomicInteger();

        Set<String> reported = ConcurrentHashMap.newKeySet();
        ExitHandler onExit = (id, service, number, exit) -> {
            if (!attach.isEmpty() && !attach.contains(service) || !reported.add(id)) {
                return;
            }
            printer.status(service + "-" + number, "exited with code " + exit);
            if (abortOnExit || abortOnFailure) {
                boolean counts = exitCodeFrom == null || exitCodeFrom.equals(service);
                if ((abortOnExit || exit != 0) && why.compareAndSet(null, service)) {
                    if (counts) {
                        code.set(exit);
                    }
                    stop.countDown();
                }
            }
        };
        EventSubscription exits = root.service().events(name, new EventsOptions(List.of()),
                e -> {
                    if ("die".equals(e.action()) && !e.oneOff()) {
                        onExit.exited(e.id(), e.service(), e.number(), e.exitCode());
                    }
                });
        // containers that ended while up was still starting the others (a one-shot init
        // service, say): reported, and counted for --abort-on-container-exit, as if just now
        Runnable scan = () -> {
            for (ContainerInfo c : root.service().ps(name, new PsOptions(true, attach))) {
                if (!c.oneOff() && "exited".equals(c.state()) && c.exitCode() != null) {
                    onExit.exited(c.id(), c.service(), String.valueOf(c.number()),
                            c.exitCode());
                }
            }
        };
        scan.run();
        java.util.concurrent.atomic.AtomicBoolean detached =
                new java.util.concurrent.atomic.AtomicBoolean();
        UpMenu menu = menuWatch == null ? null : menu(printer, () -> {
            detached.set(true);
            stop.countDown();
        }, () -> {
            why.compareAndSet(null, "");
            code.set(ExitCodes.INTERRUPTED);
            stop.countDown();
        });
        SignalHandler previous = null;
        try {
            previous = Signal.handle(new Signal("INT"), s -> {
                if (interrupts.incrementAndGet() == 1) {
                    why.compareAndSet(null, "");
                    code.set(ExitCodes.INTERRUPTED);
                    stop.countDown();
                } else {
                    err.println("Killing...");
                    err.flush();
                    try {
                        root.service().lifecycle(name, project, LifecycleCommand.of(
                                LifecycleCommand.Kind.KILL, List.of()));
                    } catch (InterruptedException | RuntimeException e) {
                        // the process ends anyway
                    }
                    Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                }
            });
        } catch (IllegalArgumentException e) {
            // no SIGINT to catch here (e.g. in tests): Ctrl-C then ends the JVM as usual
        }
        Thread streams = Thread.ofPlatform().daemon().name("jcompose-attach").start(() -> {
            try {
                root.service().logs(name, new LogsOptions(attach, true, -1, since, null, false),
                        printer::print);
            } catch (InterruptedException | RuntimeException e) {
                // stopping
            }
            stop.countDown();
        });
        try {
            // the event stream may open after an exit it should have seen: look again now and
            // then (the reported set keeps each exit to one report)
            while (!stop.await(1, TimeUnit.SECONDS)) {
                scan.run();
            }
            if (menu != null) {
                menu.close();
            }
            if (detached.get()) {
                return ExitCodes.OK; // the containers keep running, as after up -d
            }
            if (why.get() == null) {
                // the output ended: a container's output closes a moment before the engine
                // counts it as exited, so wait for that, then report the exits the event
                // stream may have missed; up returns with nothing of its own still running
                awaitStopped(name, () -> why.get() != null);
                scan.run();
            }
            if (why.get() == null && (abortOnExit || abortOnFailure)) {
                // the output ended before the exit's event arrived: look at the containers
                root.service().ps(name, new PsOptions(true, List.of())).stream()
                        .filter(c -> !c.oneOff() && c.exitCode() != null && !c.isRunning())
                        .filter(c -> abortOnExit || c.exitCode() != 0)
                        .findFirst().ifPresent(c -> {
                            why.set(c.service());
                            if (exitCodeFrom == null || exitCodeFrom.equals(c.service())) {
                                code.set(c.exitCode());
                            }
                        });
            }
            if (why.get() != null) {
                printer.flush();
                err.println(why.get().isEmpty()
                        ? "Gracefully stopping... (press Ctrl+C again to force)"
                        : "Aborting on container exit (service " + why.get() + ")...");
                err.flush();
                // pre_stop hooks print among the logs, under their container's prefix
                root.service(printer::print).lifecycle(name, project, LifecycleCommand.of(
                                LifecycleCommand.Kind.STOP, List.of()));
                streams.join(10_000);
            } else if (exitCodeFrom != null) {
                code.set(exitCodeOf(exitCodeFrom));
            }
        } finally {
            if (menu != null) {
                menu.close();
            }
            printer.flush();
            exits.close();
            if (previous != null) {
                Signal.handle(new Signal("INT"), previous);
            }
        }
        if (exitCodeFrom != null && why.get() != null && !why.get().isEmpty()
                && !exitCodeFrom.equals(why.get())) {
            code.set(exitCodeOf(exitCodeFrom));
        }
        return code.get();
    }

    private UpMenu menu(LogPrinter printer, Runnable detach, Runnable interrupt) {
        MenuControl control = new MenuControl(menuWatch, watchUnavailable, detach, interrupt,
                System::nanoTime);
        printer.flush();
        try {
            UpMenu menu = UpMenu.start(root.console().out(), control);
            if (!menu.visible()) {
                root.console().err().println("The menu's keys work, but this terminal cannot "
                        + "keep it on its last line (TERM=" + root.console().env()
                        .getOrDefault("TERM", "") + ")");
            }
            return menu;
        } catch (java.io.IOException | RuntimeException e) {
            root.console().err().println("could not start the menu: " + e.getMessage());
            return null;
        }
    }

    /**
     * Waits until no attached container of the project is running: checked every 50 ms, for at
     * most 10 s (a container that closed its output and runs on must not hold up forever), and
     * no longer once {@code interrupted} (Ctrl-C) says to stop.
     */
    private void awaitStopped(String name, java.util.function.BooleanSupplier interrupted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (root.service().ps(name, new PsOptions(true, attach)).stream()
                .anyMatch(c -> !c.oneOff() && c.isRunning())) {
            if (interrupted.getAsBoolean() || System.nanoTime() - deadline > 0) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** What happens when a container is seen to have ended. */
    @FunctionalInterface
    private interface ExitHandler {
        void exited(String containerId, String service, String number, int exitCode);
    }

    private int exitCodeOf(String service) {
        return root.service().ps(project.name(), new PsOptions(true, List.of(service))).stream()
                .filter(c -> !c.oneOff()).map(ContainerInfo::exitCode)
                .filter(java.util.Objects::nonNull).findFirst().orElse(0);
    }
}
