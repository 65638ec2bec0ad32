package dev.jcompose.api.local;

import dev.jcompose.api.ComposeEvent;
import dev.jcompose.api.ComposeException;
import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.ContainerProcesses;
import dev.jcompose.api.EventSubscription;
import dev.jcompose.api.EventsOptions;
import dev.jcompose.api.ImageInfo;
import dev.jcompose.api.ImagesOptions;
import dev.jcompose.api.LogEntry;
import dev.jcompose.api.LogsOptions;
import dev.jcompose.api.LsOptions;
import dev.jcompose.api.PortOptions;
import dev.jcompose.api.PsOptions;
import dev.jcompose.api.StackInfo;
import dev.jcompose.api.TopOptions;
import dev.jcompose.api.WaitOptions;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ImageSummary;
import dev.jcompose.planner.engine.LogLine;
import dev.jcompose.planner.engine.LogOptions;
import dev.jcompose.planner.engine.ProcessList;
import dev.jcompose.planner.engine.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The commands that look at a project without changing it: ps, logs, top, events, images, ls,
 * port, and waiting for containers to stop.
 */
final class ProjectViews {

    private static final Comparator<ContainerInfo> PS_ORDER =
            Comparator.comparing(ContainerInfo::service)
                    .thenComparing(ContainerInfo::oneOff)
                    .thenComparingInt(ContainerInfo::number)
                    .thenComparing(ContainerInfo::name);

    private final Engine engine;

    ProjectViews(Engine engine) {
        this.engine = engine;
    }

    List<ContainerInfo> ps(String projectName, PsOptions options) {
        return list(ContainerSpecs.projectLabel(projectName), options, PS_ORDER);
    }

    List<ContainerInfo> psAllProjects(PsOptions options) {
        return list(Map.of(Labels.PROJECT, ""), options,
                Comparator.comparing(ContainerInfo::project,
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(PS_ORDER));
    }

    private List<ContainerInfo> list(Map<String, String> labels, PsOptions options,
            Comparator<ContainerInfo> order) {
        List<ContainerInfo> out = new ArrayList<>();
        for (ContainerSummary c : engine.listContainers(labels, options.all())) {
            ContainerInfo info = PlannerOptions.info(c);
            if (options.services().isEmpty() || options.services().contains(info.service())) {
                out.add(info);
            }
        }
        out.sort(order);
        return out;
    }

    void logs(String projectName, LogsOptions options, Consumer<LogEntry> sink)
            throws InterruptedException {
        long listedAt = System.currentTimeMillis() * 1_000_000L;
        List<ContainerInfo> containers = ps(projectName, new PsOptions(true, options.services()));
        LogOptions logOptions = new LogOptions(options.follow(), options.tail(), options.since(),
                options.until(), options.timestamps());
        BlockingQueue<Subscription> streams = new LinkedBlockingQueue<>();
        List<Subscription> opened = new CopyOnWriteArrayList<>();
        Subscription starts = null;
        // a restarted container's log still holds its earlier runs: its new stream begins where
        // the last one ended (the engine reports "die" only after the last line is logged)
        Map<String, Long> endedAt = new ConcurrentHashMap<>();
        containers.forEach(c -> endedAt.put(c.id(), listedAt));
        try {
            if (options.follow()) {
                // containers that start (or restart) while we follow are followed too
                starts = engine.events(ContainerSpecs.projectLabel(projectName), e -> {
                    if ("die".equals(e.action())) {
                        endedAt.put(e.id(), e.timeNanos());
                    }
                    if (!"start".equals(e.action()) || e.timeNanos() < listedAt
                            || "True".equals(e.attribute(Labels.ONEOFF))) {
                        return;
                    }
                    Long ended = endedAt.get(e.id());
                    Instant since = ended == null ? options.since()
                            : latest(options.since(), Instant.ofEpochSecond(0, ended));
                    String service = e.attribute(Labels.SERVICE);
                    if (!options.services().isEmpty() && !options.services().contains(service)) {
                        return;
                    }
                    String prefix = service + "-" + e.attribute(Labels.CONTAINER_NUMBER);
                    Subscription s = follow(e.id(), e.attribute("name"), service, prefix,
                            new LogOptions(true, -1, since, options.until(),
                                    options.timestamps()), sink);
                    opened.add(s);
                    streams.add(s);
                });
            }
            for (ContainerInfo c : containers) {
                String prefix = c.oneOff() ? c.name() : c.service() + "-" + c.number();
                Subscription s = follow(c.id(), c.name(), c.service(), prefix, logOptions, sink);
                opened.add(s);
                if (options.follow()) {
                    streams.add(s);
                } else {
                    s.awaitCompletion();
                }
            }
            Subscription next;
            while ((next = streams.poll()) != null) {
                next.awaitCompletion();
            }
        } finally {
            if (starts != null) {
                starts.close();
            }
            opened.forEach(Subscription::close);
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private Subscription follow(String id, String name, String service, String prefix,
            LogOptions options, Consumer<LogEntry> sink) {
        Object lock = new Object();
        return engine.logs(id, options, line -> {
            synchronized (lock) {
                sink.accept(new LogEntry(name, service, prefix,
                        line.stream() == LogLine.Stream.STDERR, line.timestamp(), line.text()));
            }
        });
    }

    /** The last lines of {@code service}'s log, indented, for error messages. */
    String tail(String projectName, String service) {
        StringBuilder sb = new StringBuilder();
        try {
            logs(projectName, new LogsOptions(List.of(service), false, 15, null, null, false),
                    e -> {
                        synchronized (sb) {
                            sb.append("\n  ").append(e.prefix()).append(" | ").append(e.text());
                        }
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the message goes out without the log
        }
        return sb.toString();
    }

    List<ContainerProcesses> top(String projectName, TopOptions options) {
        List<ContainerProcesses> out = new ArrayList<>();
        for (ContainerInfo c : ps(projectName, new PsOptions(false, options.services()))) {
            ProcessList top;
            try {
                top = engine.top(c.id());
            } catch (EngineException.NotFound | EngineException.Conflict e) {
                continue; // stopped or removed since it was listed
            }
            out.add(new ContainerProcesses(c, top.titles(), top.processes()));
        }
        return out;
    }

    EventSubscription events(String projectName, EventsOptions options,
            Consumer<ComposeEvent> sink) {
        Subscription s = engine.events(ContainerSpecs.projectLabel(projectName), e -> {
            String service = e.attribute(Labels.SERVICE);
            if (options.services().isEmpty() || options.services().contains(service)) {
                sink.accept(new ComposeEvent(Instant.ofEpochSecond(0, e.timeNanos()), e.type(),
                        e.action(), e.id(), service, e.attributes()));
            }
        });
        return new EventSubscription() {
            @Override
            public void awaitCompletion() throws InterruptedException {
                s.awaitCompletion();
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    List<ImageInfo> images(String projectName, ImagesOptions options) {
        List<ImageInfo> out = new ArrayList<>();
        for (ContainerInfo c : ps(projectName, new PsOptions(true, options.services()))) {
            ImageSummary img = engine.inspectImage(c.image()).orElse(null);
            String id = img == null ? "" : img.id();
            String ref = c.image();
            int colon = ref.lastIndexOf(':');
            boolean tagged = colon > ref.lastIndexOf('/');
            out.add(new ImageInfo(c.name(), tagged ? ref.substring(0, colon) : ref,
                    tagged ? ref.substring(colon + 1) : "latest", id,
                    img == null ? null : img.created(), img == null ? 0 : img.size()));
        }
        return out;
    }

    List<StackInfo> ls(LsOptions options) {
        Map<String, Map<String, Integer>> states = new TreeMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        // as compose v2: without --all, only running containers are counted
        for (ContainerSummary c : engine.listContainers(Map.of(Labels.PROJECT, ""),
                options.all())) {
            String project = c.label(Labels.PROJECT);
            states.computeIfAbsent(project, k -> new TreeMap<>()).merge(c.state(), 1,
                    Integer::sum);
            if (c.label(Labels.CONFIG_FILES) != null) {
                files.putIfAbsent(project, c.label(Labels.CONFIG_FILES));
            }
        }
        List<StackInfo> out = new ArrayList<>();
        states.forEach((project, byState) -> {
            if (!options.all() && !byState.containsKey("running")
                    || !options.lists(project)) {
                return;
            }
            StringBuilder status = new StringBuilder();
            byState.forEach((state, n) -> status.append(status.isEmpty() ? "" : ", ")
                    .append(state).append('(').append(n).append(')'));
            out.add(new StackInfo(project, status.toString(), files.getOrDefault(project, "")));
        });
        return out;
    }

    ContainerInfo.Port port(String projectName, PortOptions options) {
        List<ContainerInfo> containers = ps(projectName, new PsOptions(false,
                List.of(options.service()))).stream().filter(c -> !c.oneOff()
                        && c.number() == options.index()).toList();
        if (containers.isEmpty()) {
            throw new ComposeException("service \"" + options.service() + "\" has no running "
                    + "container number " + options.index() + " in project " + projectName);
        }
        List<ContainerInfo.Port> published = containers.get(0).ports().stream()
                .filter(p -> p.containerPort() == options.port()
                        && p.protocol().equals(options.protocol()) && p.hostPort() > 0)
                .toList();
        if (published.isEmpty()) {
            throw new ComposeException("port " + options.port() + "/" + options.protocol()
                    + " of service \"" + options.service() + "\" is not published");
        }
        return published.stream().filter(x -> !x.hostIp().contains(":")).findFirst()
                .orElse(published.get(0));
    }

    /**
     * Waits for the services' containers to stop: all of them, or with {@code downProject}
     * the first; returns the exit code of the first.
     */
    int waitForExit(String projectName, WaitOptions options) throws InterruptedException {
        List<ContainerInfo> containers = ps(projectName, new PsOptions(true,
                options.services())).stream().filter(c -> !c.oneOff()).toList();
        if (containers.isEmpty()) {
            throw new ComposeException("no containers of " + String.join(", ",
                    options.services()) + " in project " + projectName);
        }
        if (!options.downProject()) {
            Integer first = null;
            for (ContainerInfo c : containers) {
                int code = engine.waitContainer(c.id());
                if (first == null) {
                    first = code;
                }
            }
            return first;
        }
        // the first container to stop decides
        CompletableFuture<Integer> first = new CompletableFuture<>();
        for (ContainerInfo c : containers) {
            Thread.ofVirtual().start(() -> {
                try {
                    first.complete(engine.waitContainer(c.id()));
                } catch (InterruptedException | RuntimeException e) {
                    first.completeExceptionally(e);
                }
            });
        }
        try {
            return first.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException cause) {
                throw cause;
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new ComposeException(String.valueOf(e.getCause().getMessage()), e.getCause());
        }
    }
}
