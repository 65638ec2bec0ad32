package dev.jcompose.api.local;

import dev.jcompose.api.BuildPolicy;
import dev.jcompose.api.EventSubscription;
import dev.jcompose.api.LifecycleCommand;
import dev.jcompose.api.Recreate;
import dev.jcompose.api.UpOptions;
import dev.jcompose.api.WatchEvent;
import dev.jcompose.api.WatchOptions;
import dev.jcompose.model.Develop;
import dev.jcompose.model.Project;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.CopiedFile;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.Subscription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running watch. File changes and container starts go through one queue to one worker, so
 * actions never overlap and nothing is lost while one runs: changes made during a restart or
 * a rebuild form the next batch. A container of a watched service that starts by any other
 * means (scale up, a restart policy, {@code jcompose restart}) is first given the current files
 * of the service's sync rules, and the deletions seen since watching began.
 */
final class WatchSession implements EventSubscription {

    /** A container started: it may lack the current files. */
    private record Started(String id, String service) { }

    private final LocalComposeService compose;
    private final Project project;
    private final WatchOptions options;
    private final WatchRules rules;
    private final WatchSync sync;
    private final Consumer<WatchEvent> sink;
    private final Debouncer debouncer;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();

    /** Wakes the worker when the session closes. */
    private static final Object CLOSING = new Object();
    private final Set<String> startedByUs = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> deleted = new HashMap<>();
    private final Thread worker;
    private final Engine engine;
    private volatile Subscription starts;
    private volatile FileEvents files;
    private volatile boolean closed;

    WatchSession(LocalComposeService compose, Engine engine, Project project,
            WatchOptions options, Consumer<WatchEvent> sink) {
        this.compose = compose;
        this.project = project;
        this.options = options;
        this.rules = WatchRules.of(project, options.services());
        this.sync = new WatchSync(engine, project.name());
        this.sink = sink;
        this.debouncer = new Debouncer(options.quietPeriod().toNanos(),
                options.maxDelay().toNanos());
        this.worker = Thread.ofPlatform().name("jcompose-watch").daemon().unstarted(this::run);
        this.engine = engine;
    }

    /** Starts watching: initial syncs first, then changes as they come. */
    WatchSession start() {
        starts = engine.events(ContainerSpecs.projectLabel(project.name()), e -> {
            String service = e.attribute(Labels.SERVICE);
            if (!"container".equals(e.type()) || rules.of(service).isEmpty()
                    || "True".equals(e.attribute(Labels.ONEOFF))) {
                return;
            }
            if (!e.action().startsWith("exec_")) {
                sync.forget(service);
            }
            if ("start".equals(e.action())) {
                inbox.add(new Started(e.id(), service));
            }
        });
        files = FileEvents.start(rules.roots(), inbox::add);
        for (String service : rules.services()) {
            emit(service, WatchEvent.Kind.WATCHING, rules.of(service).stream()
                    .map(r -> r.watch().path() + " (" + r.watch().action() + ")").toList(), "");
            List<WatchRules.Rule> initial = rules.of(service).stream()
                    .filter(r -> r.action().syncs() && r.watch().initialSyncOn()).toList();
            if (!initial.isEmpty()) {
                attempt(service, () -> {
                    List<CopiedFile> all = initial.stream().flatMap(r -> WatchSync.tree(r)
                            .stream()).toList();
                    sync.copy(sync.running(service), all);
                    emit(service, WatchEvent.Kind.SYNCED, targets(all), "");
                });
            }
        }
        worker.start();
        return this;
    }

    private void run() {
        try {
            while (!closed) {
                long deadline = debouncer.deadline();
                Object item = deadline == Long.MAX_VALUE ? inbox.take()
                        : inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (closed) {
                    return;
                }
                if (item instanceof Path p) {
                    debouncer.add(p, System.nanoTime());
                } else if (item instanceof Started s) {
                    catchUp(s);
                }
                List<Path> batch = debouncer.poll(System.nanoTime());
                if (!batch.isEmpty()) {
                    apply(batch);
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Acts on a batch of changed host paths, service by service. */
    void apply(List<Path> batch) throws InterruptedException {
        Map<String, List<WatchRules.Match>> byService = new LinkedHashMap<>();
        for (Path p : batch) {
            rules.match(p).forEach((service, matches) ->
                    byService.computeIfAbsent(service, k -> new ArrayList<>()).addAll(matches));
        }
        for (Map.Entry<String, List<WatchRules.Match>> e : byService.entrySet()) {
            String service = e.getKey();
            List<WatchRules.Match> matches = e.getValue();
            attempt(service, () -> {
                if (matches.stream().anyMatch(m -> m.rule().action() == Develop.Action.REBUILD)) {
                    rebuild(service, matches);
                } else {
                    act(service, matches);
                }
            });
        }
    }

    private void act(String service, List<WatchRules.Match> matches) throws InterruptedException {
        List<ContainerSummary> containers = sync.running(service);
        List<CopiedFile> copies = new ArrayList<>();
        Set<String> deletes = new LinkedHashSet<>();
        Set<Develop.Action> actions = new HashSet<>();
        Set<WatchRules.Rule> execs = new LinkedHashSet<>();
        for (WatchRules.Match m : matches) {
            actions.add(m.rule().action());
            if (m.rule().action() == Develop.Action.SYNC_EXEC) {
                execs.add(m.rule());
            }
            if (!m.rule().action().syncs()) {
                continue;
            }
            if (Files.exists(m.file())) {
                copies.addAll(WatchSync.changed(m));
            } else {
                deletes.add(m.rule().target(m.relative()));
            }
        }
        Set<String> gone = deleted.computeIfAbsent(service, k -> new LinkedHashSet<>());
        if (!copies.isEmpty()) {
            sync.copy(containers, copies);
            copies.forEach(c -> gone.remove(c.target()));
            emit(service, WatchEvent.Kind.SYNCED, targets(copies), "");
        }
        if (!deletes.isEmpty()) {
            gone.addAll(deletes);
            sync.delete(containers, List.copyOf(deletes));
            emit(service, WatchEvent.Kind.DELETED, List.copyOf(deletes), "");
        }
        if (actions.contains(Develop.Action.SYNC_RESTART)
                || actions.contains(Develop.Action.RESTART)) {
            containers.forEach(c -> startedByUs.add(c.id()));
            compose.lifecycle(project.name(), project,
                    LifecycleCommand.of(LifecycleCommand.Kind.RESTART, List.of(service)));
            emit(service, WatchEvent.Kind.RESTARTED, hostPaths(matches), "");
        }
        for (WatchRules.Rule r : execs) {
            sync.exec(sync.running(service), r.watch().exec());
            emit(service, WatchEvent.Kind.EXECUTED, r.watch().exec().command(), "");
        }
    }

    private void rebuild(String service, List<WatchRules.Match> matches)
            throws InterruptedException {
        Set<String> before = new HashSet<>();
        sync.running(service).forEach(c -> before.add(c.imageId()));
        compose.up(project, UpOptions.builder().services(List.of(service)).noDeps(true)
                .recreate(Recreate.FORCE).build(BuildPolicy.ALWAYS).build());
        emit(service, WatchEvent.Kind.REBUILT, hostPaths(matches), "");
        if (options.prune()) {
            sync.running(service).forEach(c -> before.remove(c.imageId()));
            for (String old : before) {
                try {
                    compose.engine().removeImage(old);
                } catch (EngineException e) {
                    // still used by another container: kept
                }
            }
        }
    }

    /** Gives a container that just started the current files and the session's deletions. */
    private void catchUp(Started s) {
        if (startedByUs.remove(s.id())) {
            return;
        }
        attempt(s.service(), () -> {
            List<ContainerSummary> one = sync.running(s.service()).stream()
                    .filter(c -> c.id().equals(s.id())).toList();
            List<CopiedFile> all = rules.of(s.service()).stream()
                    .filter(r -> r.action().syncs())
                    .flatMap(r -> WatchSync.tree(r).stream()).toList();
            if (one.isEmpty() || all.isEmpty()) {
                return;
            }
            sync.copy(one, all);
            sync.delete(one, List.copyOf(deleted.getOrDefault(s.service(), Set.of())));
            emit(s.service(), WatchEvent.Kind.CAUGHT_UP, List.of(one.get(0).name()), "");
        });
    }

    @FunctionalInterface
    private interface Action {
        void run() throws InterruptedException;
    }

    /** Runs an action; a failure is reported and watching goes on. */
    private void attempt(String service, Action action) {
        try {
            action.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            emit(service, WatchEvent.Kind.FAILED, List.of(), e.getMessage());
        }
    }

    private void emit(String service, WatchEvent.Kind kind, List<String> paths, String detail) {
        sink.accept(new WatchEvent(Instant.now(), service, kind, paths, detail));
    }

    private static List<String> targets(List<CopiedFile> files) {
        return files.stream().map(CopiedFile::target).toList();
    }

    private static List<String> hostPaths(List<WatchRules.Match> matches) {
        return matches.stream().map(m -> m.file().toString()).distinct().toList();
    }

    @Override
    public void awaitCompletion() throws InterruptedException {
        worker.join();
    }

    @Override
    public void close() {
        closed = true;
        if (files != null) {
            files.close();
        }
        if (starts != null) {
            starts.close();
        }
        // an action under way (a restart: stop, copy, start) is finished, so closing (Ctrl-C)
        // never leaves a container stopped halfway; waiting changes are dropped
        inbox.add(CLOSING);
        try {
            worker.join(10_000);
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
