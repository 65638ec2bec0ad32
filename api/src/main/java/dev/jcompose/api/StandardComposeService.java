package dev.jcompose.api;

import dev.jcompose.model.PortConfig;
import dev.jcompose.model.Project;
import dev.jcompose.model.Records;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.model.load.Ports;
import dev.jcompose.model.load.VolumeSpecs;
import dev.jcompose.planner.ConfigHash;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.DownPlanner;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.LifecyclePlanner;
import dev.jcompose.planner.ObservedState;
import dev.jcompose.planner.PlanException;
import dev.jcompose.planner.Reconciler;
import dev.jcompose.planner.UpPlanOptions;
import dev.jcompose.planner.engine.Background;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.ExecSpec;
import dev.jcompose.planner.engine.LogOptions;
import dev.jcompose.planner.engine.NetworkSummary;
import dev.jcompose.planner.engine.StreamIO;
import dev.jcompose.planner.engine.Subscription;
import dev.jcompose.planner.engine.VolumeSummary;
import dev.jcompose.planner.exec.ConditionWaiter;
import dev.jcompose.planner.exec.Executor;
import dev.jcompose.planner.exec.HookOutput;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.runtime.DockerModelPlugin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The {@link ComposeService} on an {@link Engine}: observe, plan, execute. The planner decides,
 * the executor acts; this class only wires them for each command.
 */
public final class StandardComposeService implements ComposeService {

    private final Engine engine;
    private final ProgressListener progress;
    private final ImageService images;

    private final Map<String, String> env;
    private final HookOutput hookOutput;

    public StandardComposeService(Engine engine, ProgressListener progress) {
        this(engine, progress, System.getenv());
    }

    /** {@code env} locates docker CLI plugins (DOCKER_CONFIG, HOME), e.g. Docker Model Runner. */
    public StandardComposeService(Engine engine, ProgressListener progress,
            Map<String, String> env) {
        this(engine, progress, env, HookOutput.NONE);
    }

    /** As the other, with the output of post_start and pre_stop hooks sent to {@code hooks}. */
    public StandardComposeService(Engine engine, ProgressListener progress,
            Map<String, String> env, HookOutput hooks) {
        this.hookOutput = hooks;
        this.engine = engine;
        this.progress = progress;
        this.images = new ImageService(engine, progress);
        this.env = Map.copyOf(env);
    }

    /** The project with its models ready and their variables set in the services that run. */
    private Project withModels(Project project, List<String> services, boolean noDeps) {
        List<String> running = project.withSelectedServices(services, !noDeps).serviceNames();
        return Models.provide(project, running,
                () -> DockerModelPlugin.find(env).orElse(null),
                DockerModelPlugin.searched(env).stream().map(Object::toString)
                        .collect(java.util.stream.Collectors.joining(", ")), progress);
    }

    @Override
    public Plan up(Project project, UpOptions options) throws InterruptedException {
        if (!options.dryRun()) {
            project = withModels(project, options.plan().services(), options.plan().noDeps());
        }
        Plan plan;
        // images first: the containers are then planned against the images they will run
        ImageService.Ensured ensured = images.ensure(project, options);
        try {
            plan = Reconciler.planUp(project, ensured.observed(), options.plan());
        } catch (PlanException e) {
            throw new ComposeException(e.getMessage(), e);
        }
        warn(plan);
        if (!options.dryRun()) {
            execute(project.name(), plan, options.parallelism(), options);
            if (options.waitForServices()) {
                Duration timeout = options.waitTimeout() != null ? options.waitTimeout()
                        : Duration.ofDays(1);
                new Readiness(engine, project, ps(project.name(), new PsOptions(true,
                        options.plan().services())), timeout).await(service -> "");
            }
        }
        return ImageService.concat(ensured.plan(), plan);
    }

    /** A {@code run --volume} in the short syntax; a relative bind path is the project's. */
    private static ServiceVolume runVolume(Project project, String spec) {
        Map<String, Object> v;
        try {
            v = VolumeSpecs.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new ComposeException("--volume " + spec + ": " + e.getMessage(), e);
        }
        String type = (String) v.get("type");
        String source = (String) v.get("source");
        if ("bind".equals(type) && source != null && project.workingDir() != null) {
            source = project.workingDir().resolve(source.startsWith("~/")
                    ? System.getProperty("user.home") + source.substring(1) : source)
                    .normalize().toString();
        }
        return new ServiceVolume(type, source, (String) v.get("target"),
                Boolean.TRUE.equals(v.get("read_only")) ? Boolean.TRUE : null, null,
                null, null, null, null, Map.of());
    }

    @Override
    public Plan down(String projectName, Project project, DownOptions options)
            throws InterruptedException {
        Map<String, String> label = ContainerSpecs.projectLabel(projectName);
        // independent reads, made together; volumes only matter to down -v
        Background<List<NetworkSummary>> networks =
                Background.start(() -> engine.listNetworks(label));
        Background<List<VolumeSummary>> volumes = Background.start(() ->
                options.plan().removeVolumes() ? engine.listVolumes(label) : List.of());
        List<ContainerSummary> containers = engine.listContainers(label, true);
        DownPlanner.Existing existing = new DownPlanner.Existing(containers, networks.get(),
                volumes.get(), options.plan().removeImages() == null ? List.of()
                        : images.forRemoval(projectName, project));
        Plan plan;
        try {
            plan = DownPlanner.planDown(projectName, project, existing, options.plan());
        } catch (PlanException e) {
            throw new ComposeException(e.getMessage(), e);
        }
        warn(plan);
        if (!options.dryRun()) {
            execute(projectName, plan, options.parallelism(), null);
        }
        return plan;
    }

    @Override
    public int run(Project project, RunOptions o, StreamIO io) throws InterruptedException {
        if (!project.services().containsKey(o.service())) {
            throw new ComposeException(Reconciler.unknownService(project, o.service()));
        }
        project = withModels(project, List.of(o.service()), o.noDeps());
        Service base = project.services().get(o.service());
        // images, then dependencies and the service's networks and volumes
        images.ensure(project, new UpOptions(new UpPlanOptions(List.of(o.service()), o.noDeps(),
                false, true, false, Map.of(), false, null, false, false, null), false, false,
                null, Executor.DEFAULT_PARALLELISM));
        Plan plan;
        try {
            plan = Reconciler.planRun(project, ObservedState.observe(engine, project),
                    o.service(), o.noDeps());
        } catch (PlanException e) {
            throw new ComposeException(e.getMessage(), e);
        }
        warn(plan);
        execute(project.name(), plan, Executor.DEFAULT_PARALLELISM, null);
        if (!o.noDeps()) {
            awaitDependencies(project, base);
        }

        Service s = base;
        if (!o.command().isEmpty()) {
            s = Records.with(s, "command", o.command());
        }
        if (o.entrypoint() != null) {
            s = Records.with(s, "entrypoint", o.entrypoint());
        }
        if (!o.env().isEmpty()) {
            Map<String, String> env = new java.util.LinkedHashMap<>(s.environment());
            env.putAll(o.env());
            s = Records.with(s, "environment", env);
        }
        if (o.user() != null) {
            s = Records.with(s, "user", o.user());
        }
        if (o.workingDir() != null) {
            s = Records.with(s, "workingDir", o.workingDir());
        }
        List<PortConfig> ports = new ArrayList<>(o.servicePorts() ? s.ports() : List.of());
        for (String spec : o.publish()) {
            try {
                for (Ports.Port p : Ports.parse(spec)) {
                    ports.add(new PortConfig(null, null, p.hostIp(), p.target(), p.published(),
                            p.protocol(), null));
                }
            } catch (IllegalArgumentException e) {
                throw new ComposeException("--publish " + spec + ": " + e.getMessage(), e);
            }
        }
        s = Records.with(s, "ports", ports);
        if (!o.volumes().isEmpty()) {
            List<ServiceVolume> volumes = new ArrayList<>(s.volumes());
            for (String spec : o.volumes()) {
                volumes.add(runVolume(project, spec));
            }
            s = Records.with(s, "volumes", volumes);
        }
        s = Records.with(s, "restart", null);
        s = Records.with(s, "tty", o.tty() ? Boolean.TRUE : null);
        // docker compose runs one-offs interactive (-i): a detached one keeps its stdin open
        s = Records.with(s, "stdinOpen", o.tty() || o.detach() ? Boolean.TRUE : null);
        String sep = ContainerSpecs.separator(project);
        String name = o.name() != null ? o.name() : project.name() + sep + o.service()
                + sep + "run" + sep + java.util.HexFormat.of().toHexDigits(
                        java.util.concurrent.ThreadLocalRandom.current().nextLong()).substring(4);
        ContainerSpec spec = ContainerSpecs.forOneOff(project, s, name, ConfigHash.of(base));
        String id = new Executor(engine, project.name(), progress, 1, null)
                .createContainer(spec);
        if (o.detach()) {
            engine.startContainer(id);
            return 0;
        }
        int code;
        try (Subscription attached = engine.attach(id, io)) {
            engine.startContainer(id);
            code = engine.waitContainer(id);
            attached.awaitCompletion();
        } finally {
            if (o.remove()) {
                try {
                    engine.removeContainer(id, true, true);
                } catch (RuntimeException e) {
                    // already gone
                }
            }
        }
        return code;
    }

    /** Waits until each dependency of {@code service} meets its depends_on condition. */
    private void awaitDependencies(Project project, Service service)
            throws InterruptedException {
        ConditionWaiter waiter = new ConditionWaiter(engine);
        for (var e : service.dependsOn().entrySet()) {
            List<String> names = ps(project.name(), new PsOptions(true, List.of(e.getKey())))
                    .stream().filter(c -> !c.oneOff()).map(ContainerInfo::name).toList();
            if (names.isEmpty()) {
                continue;
            }
            try {
                waiter.await(e.getKey(), names, e.getValue().condition(),
                        ContainerSpecs.projectLabel(project.name()), null);
            } catch (ConditionWaiter.ConditionFailed failed) {
                throw new ComposeException(failed.getMessage() + "; not running "
                        + service.name(), failed);
            }
        }
    }

    @Override
    public int exec(String projectName, ExecOptions options, StreamIO io)
            throws InterruptedException {
        ContainerInfo target = execTarget(projectName, options);
        return engine.exec(new ExecSpec(target.id(), options.command(), options.env(),
                options.user(), options.workingDir(), options.tty(), options.privileged(),
                options.stdin()), io);
    }

    /**
     * The container {@code exec} runs in: the one with the given number, or without one (index
     * 0) the first running container of the service, else a running one-off of it (as docker
     * compose picks).
     */
    private ContainerInfo execTarget(String projectName, ExecOptions options) {
        List<ContainerInfo> all = ps(projectName, new PsOptions(true,
                List.of(options.service())));
        List<ContainerInfo> containers = all.stream().filter(c -> !c.oneOff()).toList();
        if (options.index() == 0) {
            var any = containers.stream().filter(c -> "running".equals(c.state()))
                    .min(Comparator.comparingInt(ContainerInfo::number))
                    .or(() -> all.stream().filter(c -> c.oneOff() && "running".equals(c.state()))
                            .findFirst());
            if (any.isPresent()) {
                return any.get();
            }
        }
        int wanted = Math.max(1, options.index());
        if (containers.isEmpty()) {
            throw new ComposeException("service \"" + options.service() + "\" is not running "
                    + "container #" + wanted + ": it has no containers in project "
                    + projectName + "; start it with up");
        }
        ContainerInfo target = containers.stream().filter(c -> c.number() == wanted)
                .findFirst().orElseThrow(() -> new ComposeException("service \""
                        + options.service() + "\" is not running container #" + wanted
                        + " (it has " + containers.stream().map(c -> String.valueOf(c.number()))
                        .collect(java.util.stream.Collectors.joining(", ")) + ")"));
        if (!"running".equals(target.state())) {
            throw new ComposeException("container " + target.name() + " is not running ("
                    + target.state() + "); start it first");
        }
        return target;
    }

    @Override
    public Plan lifecycle(String projectName, Project project, LifecycleCommand command)
            throws InterruptedException {
        List<ContainerSummary> existing =
                engine.listContainers(ContainerSpecs.projectLabel(projectName), true);
        Plan plan;
        try {
            List<ContainerSummary> selected =
                    LifecyclePlanner.select(project, existing, command.services());
            plan = switch (command.kind()) {
                case START -> LifecyclePlanner.planStart(project, command.services().isEmpty()
                        ? selected : LifecyclePlanner.withDependencies(project, existing,
                                selected));
                case STOP -> LifecyclePlanner.planStop(project, selected, command.timeout());
                case RESTART -> LifecyclePlanner.planRestart(project, selected, command.timeout());
                case KILL -> LifecyclePlanner.planKill(selected, command.signal());
                case PAUSE -> LifecyclePlanner.planPause(selected);
                case UNPAUSE -> LifecyclePlanner.planUnpause(selected);
                case RM -> LifecyclePlanner.planRemove(project, selected, command.stopFirst(),
                        command.removeVolumes(), command.timeout());
            };
        } catch (PlanException e) {
            throw new ComposeException(e.getMessage(), e);
        }
        warn(plan);
        if (!command.dryRun()) {
            execute(projectName, plan, command.parallelism(), null);
        }
        return plan;
    }

    private void execute(String projectName, Plan plan, int parallelism, UpOptions up)
            throws InterruptedException {
        new Executor(engine, projectName, progress, parallelism,
                up == null ? null : up.waitTimeout(), hookOutput).execute(plan);
    }

    private void warn(Plan plan) {
        for (String w : plan.warnings()) {
            progress.on(ProgressEvent.warning("", "Warning", w));
        }
    }

    @Override
    public List<ContainerInfo> ps(String projectName, PsOptions options) {
        List<ContainerInfo> out = new ArrayList<>();
        for (ContainerSummary c : engine.listContainers(ContainerSpecs.projectLabel(projectName),
                options.all())) {
            ContainerInfo info = info(c);
            if (options.services().isEmpty() || options.services().contains(info.service())) {
                out.add(info);
            }
        }
        out.sort(Comparator.comparing(ContainerInfo::service)
                .thenComparing(ContainerInfo::oneOff)
                .thenComparingInt(ContainerInfo::number)
                .thenComparing(ContainerInfo::name));
        return out;
    }

    static ContainerInfo info(ContainerSummary c) {
        List<ContainerInfo.Port> ports = c.ports().stream()
                .map(p -> new ContainerInfo.Port(p.hostIp(), p.hostPort(), p.containerPort(),
                        p.protocol()))
                .sorted(Comparator.comparingInt(ContainerInfo.Port::containerPort)
                        .thenComparing(ContainerInfo.Port::hostIp))
                .distinct()
                .toList();
        return new ContainerInfo(c.id(), c.name(), c.label(Labels.PROJECT),
                c.label(Labels.SERVICE), ObservedState.number(c),
                "True".equals(c.label(Labels.ONEOFF)), c.image(), c.state(), c.health(),
                c.exitCode(), ports, c.createdEpochSeconds());
    }

    @Override
    public void logs(String projectName, LogsOptions options, Consumer<LogEntry> sink)
            throws InterruptedException {
        long listedAt = System.currentTimeMillis() * 1_000_000L;
        List<ContainerInfo> containers = ps(projectName, new PsOptions(true, options.services()));
        LogOptions logOptions = new LogOptions(options.follow(), options.tail(), options.since(),
                options.until(), options.timestamps());
        BlockingQueue<Subscription> streams =
                new LinkedBlockingQueue<>();
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
                        line.stream() == dev.jcompose.planner.engine.LogLine.Stream.STDERR,
                        line.timestamp(), line.text()));
            }
        });
    }

    // --- images (issue 5): ImageService does the work -------------------------------------------

    @Override
    public Plan build(Project project, BuildOptions options) throws InterruptedException {
        return images.build(project, options);
    }

    @Override
    public Plan pull(Project project, PullOptions options) throws InterruptedException {
        return images.pull(project, options);
    }

    @Override
    public Plan push(Project project, PushOptions options) throws InterruptedException {
        return images.push(project, options);
    }
}
