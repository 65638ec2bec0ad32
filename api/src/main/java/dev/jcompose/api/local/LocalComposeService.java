package dev.jcompose.api.local;

import static dev.jcompose.api.local.Failures.call;
import static dev.jcompose.api.local.Failures.get;

import dev.jcompose.api.AttachOptions;
import dev.jcompose.api.AttachSession;
import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.CommitOptions;
import dev.jcompose.api.ContainerStats;
import dev.jcompose.api.CopyOptions;
import dev.jcompose.api.ExportOptions;
import dev.jcompose.api.StatsOptions;
import dev.jcompose.api.VolumeInfo;
import dev.jcompose.api.VolumesOptions;
import java.io.OutputStream;
import dev.jcompose.api.ComposeEvent;
import dev.jcompose.api.ComposeException;
import dev.jcompose.api.ComposeService;
import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.ContainerProcesses;
import dev.jcompose.api.CreateOptions;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.EngineVersion;
import dev.jcompose.api.EventSubscription;
import dev.jcompose.api.EventsOptions;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.ImageInfo;
import dev.jcompose.api.ImagesOptions;
import dev.jcompose.api.LifecycleCommand;
import dev.jcompose.api.LogEntry;
import dev.jcompose.api.LogsOptions;
import dev.jcompose.api.LsOptions;
import dev.jcompose.api.PlanReport;
import dev.jcompose.api.PortOptions;
import dev.jcompose.api.ProcessStreams;
import dev.jcompose.api.PsOptions;
import dev.jcompose.api.PublishOptions;
import dev.jcompose.api.PullOptions;
import dev.jcompose.api.PushOptions;
import dev.jcompose.api.ReadyOptions;
import dev.jcompose.api.RunOptions;
import dev.jcompose.api.ScaleOptions;
import dev.jcompose.api.StackInfo;
import dev.jcompose.api.TopOptions;
import dev.jcompose.api.UpOptions;
import dev.jcompose.api.WaitOptions;
import dev.jcompose.api.WatchEvent;
import dev.jcompose.api.WatchOptions;
import dev.jcompose.model.Project;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.exec.ConditionWaiter;
import dev.jcompose.planner.exec.Readiness;
import dev.jcompose.planner.DownPlanOptions;
import dev.jcompose.planner.DownPlanner;
import dev.jcompose.planner.LifecyclePlanner;
import dev.jcompose.planner.PlanException;
import dev.jcompose.planner.Reconciler;
import dev.jcompose.planner.UpPlanOptions;
import dev.jcompose.planner.engine.Background;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineInfo;
import dev.jcompose.planner.engine.NetworkSummary;
import dev.jcompose.planner.engine.VolumeSummary;
import dev.jcompose.planner.exec.Executor;
import dev.jcompose.planner.exec.HookOutput;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.runtime.DockerModelPlugin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The {@link ComposeService} of the local target, on an {@link Engine}: observe, plan, execute.
 * The planner decides, the executor acts; this class only wires them for each command,
 * converting the door's options into the planner's and every failure into a
 * {@link ComposeException} ({@link Failures}). One-off containers are {@link OneOffs}'; the
 * commands that only look are {@link ProjectViews}'.
 *
 * <p>Over 400 lines because it is the door's one local implementation: one short method per
 * command of {@link ComposeService} (about thirty), each only wiring; the work is in the classes
 * named above.
 */
final class LocalComposeService implements ComposeService {

    private final Engine engine;
    private final ProgressListener progress;
    private final ImageService images;
    private final Map<String, String> env;
    private final Consumer<LogEntry> hookOutput;
    private final ProjectViews views;
    private final OneOffs oneOffs;
    private final ResourceViews resources;
    private final ServiceTools tools;
    private final Copier copier;
    private final boolean lockProjects;

    /**
     * @param env        locates docker CLI plugins (DOCKER_CONFIG, HOME), e.g. Docker Model
     *                   Runner
     * @param hookOutput the output of post_start and pre_stop hooks, or null to drop it
     * @param lockProjects whether up and down take the project's lock on the engine
     *                     ({@link ProjectLock}): other processes may use the same engine
     */
    LocalComposeService(Engine engine, ProgressListener progress, Map<String, String> env,
            Consumer<LogEntry> hookOutput, boolean lockProjects) {
        this.lockProjects = lockProjects;
        this.engine = engine;
        this.progress = progress;
        this.images = new ImageService(engine, progress);
        this.env = Map.copyOf(env);
        this.hookOutput = hookOutput;
        this.views = new ProjectViews(engine);
        this.oneOffs = new OneOffs(this, engine);
        this.resources = new ResourceViews(engine, views);
        ServiceContainers containers = new ServiceContainers(views);
        this.tools = new ServiceTools(engine, containers, progress);
        this.copier = new Copier(engine::tools, containers, progress);
    }

    /** The project with its models ready and their variables set in the services that run. */
    Project withModels(Project project, List<String> services, boolean noDeps) {
        List<String> running = project.withSelectedServices(services, !noDeps).serviceNames();
        return Models.provide(project, running,
                () -> DockerModelPlugin.find(env).orElse(null),
                DockerModelPlugin.searched(env).stream().map(Object::toString)
                        .collect(Collectors.joining(", ")), progress);
    }

    ImageService images() {
        return images;
    }

    ProgressListener progress() {
        return progress;
    }

    Engine engine() {
        return engine;
    }

    @Override
    public PlanReport up(Project project, UpOptions options) throws InterruptedException {
        return call(() -> PlannerOptions.report(upPlan(project, options)));
    }

    private Plan upPlan(Project project, UpOptions options) throws InterruptedException {
        UpPlanOptions planOptions = PlannerOptions.up(options);
        Project p = options.dryRun() ? project
                : withModels(project, options.services(), options.noDeps());
        EngineGate.check(engine, p, options.services(), options.noDeps());
        // images first: the containers are then planned against the images they will run
        Plan plan;
        ImageService.Ensured ensured;
        try (ProjectLock ignored = lock(p.name(), "up", options.dryRun())) {
            ensured = images.ensure(p, planOptions, options.dryRun(), options.parallelism());
            plan = options.dryRun() ? Reconciler.planUp(p, ensured.observed(), planOptions)
                    : Reconciler.planUpAfterImages(p, ensured.observed(), planOptions);
            warn(plan);
            if (!options.dryRun()) {
                try {
                    execute(p.name(), plan, options.parallelism(), options.waitTimeout());
                } catch (Executor.ExecutionException e) {
                    throw PortConflicts.explain(engine, p.name(), ensured.observed(), e)
                            .map(RuntimeException.class::cast).orElse(e);
                }
            }
        }
        if (!options.dryRun()) {
            if (options.waitForServices()) {
                Duration timeout = options.waitTimeout() != null ? options.waitTimeout()
                        : Duration.ofDays(1);
                awaitReady(p, new ReadyOptions(timeout, options.services(), false));
            }
        }
        return ImageService.concat(ensured.plan(), plan);
    }

    @Override
    public PlanReport create(Project project, CreateOptions options)
            throws InterruptedException {
        return up(project, options.toUp());
    }

    @Override
    public PlanReport scale(Project project, ScaleOptions options) throws InterruptedException {
        return up(project, options.toUp());
    }

    @Override
    public PlanReport down(String projectName, Project project, DownOptions options)
            throws InterruptedException {
        if (project != null) {
            for (String s : options.services()) {
                if (!project.services().containsKey(s)
                        && !project.disabledServices().containsKey(s)) {
                    throw new ComposeException(PlanException.unknownService(project, s));
                }
            }
        }
        return call(() -> {
            try (ProjectLock ignored = lock(projectName, "down", options.dryRun())) {
                return downLocked(projectName, project, options);
            }
        });
    }

    private PlanReport downLocked(String projectName, Project project, DownOptions options)
            throws InterruptedException {
        DownPlanOptions planOptions = PlannerOptions.down(options);
        Map<String, String> label = ContainerSpecs.projectLabel(projectName);
        // independent reads, made together; volumes only matter to down -v
        Background<List<NetworkSummary>> networks =
                Background.start(() -> engine.listNetworks(label));
        Background<List<VolumeSummary>> volumes = Background.start(() ->
                planOptions.removeVolumes() ? engine.listVolumes(label) : List.of());
        List<ContainerSummary> containers = engine.listContainers(label, true);
        DownPlanner.Existing existing = new DownPlanner.Existing(containers, networks.get(),
                volumes.get(), planOptions.removeImages() == null ? List.of()
                        : images.forRemoval(projectName, project));
        Plan plan = DownPlanner.planDown(projectName, project, existing, planOptions);
        warn(plan);
        if (!options.dryRun()) {
            execute(projectName, plan, options.parallelism(), null);
        }
        return PlannerOptions.report(plan);
    }

    /**
     * The project's lock for {@code command}, or null (nothing to lock) for a dry run or an
     * engine no other process shares; waiting for it is reported as a progress warning.
     */
    private ProjectLock lock(String project, String command, boolean dryRun)
            throws InterruptedException {
        if (!lockProjects || dryRun) {
            return null;
        }
        return ProjectLock.acquire(engine, project, command, ProjectLock.PATIENCE,
                text -> progress.on(ProgressEvent.warning("", "Waiting", text)));
    }

    @Override
    public int run(Project project, RunOptions options, ProcessStreams io)
            throws InterruptedException {
        return call(() -> oneOffs.run(project, options, io));
    }

    @Override
    public int exec(String projectName, ExecOptions options, ProcessStreams io)
            throws InterruptedException {
        return call(() -> oneOffs.exec(projectName, options, io));
    }

    @Override
    public PlanReport lifecycle(String projectName, Project project, LifecycleCommand command)
            throws InterruptedException {
        return call(() -> {
            List<ContainerSummary> existing =
                    engine.listContainers(ContainerSpecs.projectLabel(projectName), true);
            List<ContainerSummary> selected = LifecyclePlanner.select(project, existing,
                    LifecycleScope.services(project, command));
            selected = LifecycleScope.killed(project, command, selected, existing);
            Plan plan = switch (command.kind()) {
                case START -> LifecyclePlanner.planStart(project, command.services().isEmpty()
                        ? selected : LifecyclePlanner.withDependencies(project, existing,
                                selected));
                case STOP -> LifecyclePlanner.planStop(project, selected, command.timeout());
                case RESTART -> LifecyclePlanner.planRestart(project, selected,
                        command.timeout());
                case KILL -> LifecyclePlanner.planKill(selected, command.signal());
                case PAUSE -> LifecyclePlanner.planPause(selected);
                case UNPAUSE -> LifecyclePlanner.planUnpause(selected);
                case RM -> LifecyclePlanner.planRemove(project, selected, command.stopFirst(),
                        command.removeVolumes(), command.timeout());
            };
            warn(plan);
            if (!command.dryRun()) {
                execute(projectName, plan, command.parallelism(), null);
            }
            return PlannerOptions.report(plan);
        });
    }

    /** Runs {@code plan} with this service's progress listener and hook output. */
    void execute(String projectName, Plan plan, int parallelism, Duration waitTimeout)
            throws InterruptedException {
        new Executor(engine, projectName, progress, parallelism, waitTimeout,
                hooks(projectName)).execute(plan);
    }

    /** The hooks' lines as log entries of their containers, prefixed as compose prints them. */
    private HookOutput hooks(String projectName) {
        if (hookOutput == null) {
            return HookOutput.NONE;
        }
        String own = projectName + "-";
        return (service, container, stderr, text) -> hookOutput.accept(new LogEntry(container,
                service, container.startsWith(own) ? container.substring(own.length())
                        : container, stderr, Instant.now(), text));
    }

    void warn(Plan plan) {
        for (String w : plan.warnings()) {
            progress.on(ProgressEvent.warning("", "Warning", w));
        }
    }

    @Override
    public List<ContainerInfo> ps(String projectName, PsOptions options) {
        return get(() -> views.ps(projectName, options));
    }

    @Override
    public List<ContainerInfo> psAllProjects(PsOptions options) {
        return get(() -> views.psAllProjects(options));
    }

    @Override
    public void logs(String projectName, LogsOptions options, Consumer<LogEntry> sink)
            throws InterruptedException {
        call(() -> {
            views.logs(projectName, options, sink);
            return null;
        });
    }

    @Override
    public PlanReport build(Project project, BuildOptions options) throws InterruptedException {
        return call(() -> PlannerOptions.report(images.build(project, options)));
    }

    @Override
    public PlanReport pull(Project project, PullOptions options) throws InterruptedException {
        return call(() -> PlannerOptions.report(images.pull(project, options)));
    }

    @Override
    public PlanReport push(Project project, PushOptions options) throws InterruptedException {
        return call(() -> PlannerOptions.report(images.push(project, options)));
    }

    @Override
    public List<ContainerProcesses> top(String projectName, TopOptions options) {
        return get(() -> views.top(projectName, options));
    }

    @Override
    public EventSubscription events(String projectName, EventsOptions options,
            Consumer<ComposeEvent> sink) {
        return get(() -> views.events(projectName, options, sink));
    }

    @Override
    public List<ImageInfo> images(String projectName, ImagesOptions options) {
        return get(() -> views.images(projectName, options));
    }

    @Override
    public List<StackInfo> ls(LsOptions options) {
        return get(() -> views.ls(options));
    }

    @Override
    public Project withImageDigests(Project project) {
        return get(() -> pinImages(project));
    }

    @Override
    public ContainerInfo.Port port(String projectName, PortOptions options) {
        return get(() -> views.port(projectName, options));
    }

    @Override
    public int wait(String projectName, Project project, WaitOptions options)
            throws InterruptedException {
        return call(() -> {
            int code = views.waitForExit(projectName, options);
            if (options.downProject()) {
                down(projectName, project, DownOptions.builder()
                        .parallelism(options.parallelism()).build());
            }
            return code;
        });
    }

    @Override
    public void awaitReady(Project project, ReadyOptions options) {
        Map<String, List<String>> containers = new LinkedHashMap<>();
        Set<String> withHealthcheck = new HashSet<>();
        get(() -> views.ps(project.name(), new PsOptions(true, options.services()))).stream()
                .filter(c -> !c.oneOff() && project.services().containsKey(c.service()))
                .forEach(c -> {
                    containers.computeIfAbsent(c.service(), k -> new ArrayList<>()).add(c.name());
                    if (c.health() != null) {
                        withHealthcheck.add(c.service());
                    }
                });
        get(() -> {
            try {
                new Readiness(engine, project).awaitProject(containers, withHealthcheck,
                        options.timeout());
            } catch (ConditionWaiter.ConditionFailed e) {
                String tail = options.logTail() && e.service() != null
                        ? views.tail(project.name(), e.service()) : "";
                throw new ComposeException(e.getMessage() + tail, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ComposeException("interrupted while waiting for the services", e);
            }
            return null;
        });
    }

    @Override
    public void copy(String projectName, CopyOptions options, ProcessStreams io)
            throws InterruptedException {
        call(() -> {
            copier.copy(projectName, options, io);
            return null;
        });
    }

    @Override
    public EventSubscription watch(Project project, WatchOptions options,
            Consumer<WatchEvent> sink) throws InterruptedException {
        return call(() -> {
            WatchSession session = new WatchSession(this, engine, project, options, sink);
            try {
                if (!options.noUp()) {
                    up(project, options.up());
                }
                return session.start();
            } catch (RuntimeException | InterruptedException e) {
                session.close();
                throw e;
            }
        });
    }

    @Override
    public void export(String projectName, ExportOptions options, OutputStream out) {
        get(() -> {
            tools.export(projectName, options, out);
            return null;
        });
    }

    @Override
    public String commit(String projectName, CommitOptions options) {
        return get(() -> tools.commit(projectName, options));
    }

    @Override
    public List<VolumeInfo> volumes(String projectName, VolumesOptions options) {
        return get(() -> resources.volumes(projectName, options));
    }

    @Override
    public EventSubscription stats(String projectName, StatsOptions options,
            Consumer<ContainerStats> sink) {
        return get(() -> resources.stats(projectName, options, sink));
    }

    @Override
    public AttachSession attach(String projectName, AttachOptions options, ProcessStreams io) {
        return get(() -> tools.attach(projectName, options, io));
    }

    @Override
    public String publish(Project project, PublishOptions options,
            java.util.function.Predicate<String> confirm) throws InterruptedException {
        return call(() -> new Publisher(this, progress, env).publish(project, options,
                confirm));
    }

    @Override
    public EngineVersion version() {
        return get(() -> {
            EngineInfo info = engine.info();
            return new EngineVersion(info.host(), info.version(), info.apiVersion(), info.os(),
                    info.kind());
        });
    }

    /** Each service's image pinned to the digest its registry has (the engine asks it). */
    Project pinImages(Project project) {
        return ImageDigests.pinned(project, engine);
    }
}
