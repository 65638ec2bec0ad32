package dev.jcompose.planner.exec;

import dev.jcompose.model.DependsOn;
import dev.jcompose.model.Hook;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ExecSpec;
import dev.jcompose.planner.engine.LogOptions;
import dev.jcompose.planner.engine.StreamIO;
import dev.jcompose.planner.engine.Subscription;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.Step;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * Runs a plan against the engine. It makes no decisions: each step runs on its own thread as
 * soon as the steps it comes after have succeeded, with at most {@code parallelism} engine
 * operations at once, and stop requests paced by the containers' exits ({@link StopPacer}). A
 * failed step fails the steps after it (they are reported as not started); independent steps
 * carry on.
 */
public final class Executor {

    /** Default bound on concurrent engine operations. */
    public static final int DEFAULT_PARALLELISM = 64;

    /**
     * Steps run on platform threads, one per runnable step. Not virtual threads: a virtual
     * thread blocking on an engine socket starts the JDK's I/O poller, a thread that then sits
     * in native code, and the JVM waits 300 ms for such threads when the command exits. At most
     * a few hundred steps are runnable at once, which platform threads handle easily.
     */
    private static final ThreadFactory STEP_THREADS =
            Thread.ofPlatform().daemon().name("jcompose-step-", 1).factory();

    private final Engine engine;
    private final ProgressListener progress;
    private final int parallelism;
    private final String project;
    private final Duration waitTimeout;
    private final ImageSteps images;
    private final HookOutput hookOutput;
    /**
     * The image id behind each reference, for the image label of the containers created: looked
     * up once per image rather than once per container, forgotten when a step pulls, builds or
     * removes an image.
     */
    private final Map<String, Optional<String>> imageIds = new ConcurrentHashMap<>();

    /**
     * @param project      the project's name (selects its engine events)
     * @param parallelism  the most engine operations at once
     * @param waitTimeout  the longest a dependency wait may take, or null for no limit
     */
    public Executor(Engine engine, String project, ProgressListener progress, int parallelism,
            Duration waitTimeout) {
        this(engine, project, progress, parallelism, waitTimeout, HookOutput.NONE);
    }

    /** As the other, with the output of post_start and pre_stop hooks sent to {@code hooks}. */
    public Executor(Engine engine, String project, ProgressListener progress, int parallelism,
            Duration waitTimeout, HookOutput hooks) {
        this.hookOutput = hooks;
        this.engine = engine;
        this.project = project;
        this.progress = progress;
        this.parallelism = Math.max(1, parallelism);
        this.waitTimeout = waitTimeout;
        this.images = new ImageSteps(engine, progress);
    }

    /** A step that did not succeed, and why. */
    public record Failure(Step step, String reason, boolean skipped) { }

    /** Some steps failed: the first failures caused the rest to be skipped. */
    public static final class ExecutionException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Failure> failures;

        ExecutionException(List<Failure> failures) {
            super(describe(failures));
            this.failures = List.copyOf(failures);
        }

        public List<Failure> failures() {
            return failures;
        }

        private static String describe(List<Failure> failures) {
            StringBuilder sb = new StringBuilder();
            List<String> skipped = new ArrayList<>();
            for (Failure f : failures) {
                if (f.skipped()) {
                    skipped.add(f.step().action().resource());
                } else {
                    if (!sb.isEmpty()) {
                        sb.append('\n');
                    }
                    sb.append(f.step().action().resource()).append(": ").append(f.reason());
                }
            }
            if (!skipped.isEmpty()) {
                sb.append("\nnot done because of this: ").append(String.join(", ",
                        skipped.stream().distinct().toList()));
            }
            return sb.toString();
        }
    }

    private static final class Skipped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skipped() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs every step of {@code plan}.
     *
     * @throws ExecutionException when a step failed, after every step that could run has run
     */
    public void execute(Plan plan) throws InterruptedException {
        Map<String, String> ids = new ConcurrentHashMap<>();
        Map<Integer, CompletableFuture<Void>> futures = new LinkedHashMap<>();
        Map<Integer, Failure> failures = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(parallelism);
        long stops = plan.steps().stream()
                .filter(s -> s.action() instanceof Action.StopContainer).count();
        try (StopPacer pacer = StopPacer.forStops(engine, ContainerSpecs.projectLabel(project),
                stops);
                ExecutorService threads = Executors.newThreadPerTaskExecutor(STEP_THREADS)) {
            Map<Integer, Integer> chains = chains(plan);
            for (Step step : byLongestChain(plan, chains)) {
                List<CompletableFuture<Void>> before = step.after().stream()
                        .map(futures::get).toList();
                CompletableFuture<Void> f = CompletableFuture
                        .allOf(before.toArray(CompletableFuture[]::new))
                        .handleAsync((ok, error) -> {
                            if (error != null) {
                                failures.put(step.id(), new Failure(step, "skipped", true));
                                throw new Skipped();
                            }
                            try {
                                run(step.action(), ids, permits, pacer, chains.get(step.id()));
                                return null;
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                failures.put(step.id(), new Failure(step, "interrupted", false));
                                throw new Skipped();
                            } catch (RuntimeException e) {
                                String reason = e.getMessage() == null ? e.toString()
                                        : e.getMessage();
                                failures.put(step.id(), new Failure(step, reason, false));
                                progress.on(ProgressEvent.error(step.action().resource(), "Error",
                                        reason));
                                throw new Skipped();
                            }
                        }, threads);
                futures.put(step.id(), f);
            }
            try {
                CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).join();
            } catch (RuntimeException ignored) {
                // failures are collected per step
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!failures.isEmpty()) {
            List<Failure> ordered = new ArrayList<>();
            plan.steps().forEach(s -> {
                Failure f = failures.get(s.id());
                if (f != null) {
                    ordered.add(f);
                }
            });
            throw new ExecutionException(ordered);
        }
    }

    /**
     * Each step's longest chain: the most steps, itself included, that run one after another
     * from it to the end of the plan. The plan lists a step after those it comes after.
     */
    static Map<Integer, Integer> chains(Plan plan) {
        Map<Integer, Integer> chains = new HashMap<>();
        List<Step> steps = plan.steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            int chain = chains.merge(s.id(), 1, Math::max);
            for (int before : s.after()) {
                chains.merge(before, chain + 1, Math::max);
            }
        }
        return chains;
    }

    /**
     * The steps, those with the longest chains first (then in the plan's order): an order in
     * which every step still comes after those it waits for (their chains are longer), and in
     * which the runnable steps that others wait on start first.
     */
    private static List<Step> byLongestChain(Plan plan, Map<Integer, Integer> chains) {
        List<Step> steps = new ArrayList<>(plan.steps());
        steps.sort(Comparator.comparingInt((Step s) -> -chains.get(s.id())));
        return steps;
    }

    private void run(Action action, Map<String, String> ids, Semaphore permits,
            StopPacer pacer, int chain) throws InterruptedException {
        if (action instanceof Action.AwaitService a) {
            await(a);
            return;
        }
        permits.acquire();
        try {
            perform(action, ids, pacer, chain);
        } finally {
            permits.release();
        }
    }

    private void await(Action.AwaitService a) throws InterruptedException {
        List<String> resources = a.containerNames().stream().map(n -> "Container " + n).toList();
        boolean quiet = a.condition() == DependsOn.Condition.STARTED;
        if (!quiet) {
            resources.forEach(r -> progress.on(ProgressEvent.working(r, "Waiting")));
        }
        try {
            new ConditionWaiter(engine).await(a.service(), a.containerNames(), a.condition(),
                    ContainerSpecs.projectLabel(project), waitTimeout);
        } catch (ConditionWaiter.ConditionFailed e) {
            if (!a.required()) {
                // depends_on required: false: the dependent starts anyway
                String text = "optional dependency \"" + a.service() + "\" failed to start: "
                        + e.getMessage();
                resources.forEach(r -> progress.on(ProgressEvent.warning(r, "Warning", text)));
                return;
            }
            // planned awaits are dependencies of what starts next (docker compose's wording)
            ConditionWaiter.ConditionFailed failed = new ConditionWaiter.ConditionFailed(
                    "dependency failed to start: " + e.getMessage());
            resources.forEach(r -> progress.on(ProgressEvent.error(r, "Error",
                    failed.getMessage())));
            throw failed;
        }
        if (!quiet) {
            String text = a.condition() == DependsOn.Condition.HEALTHY ? "Healthy" : "Exited";
            resources.forEach(r -> progress.on(ProgressEvent.done(r, text)));
        }
    }

    private void perform(Action action, Map<String, String> ids, StopPacer pacer, int chain)
            throws InterruptedException {
        String r = action.resource();
        switch (action) {
            case Action.PullImage p -> {
                images.pull(p);
                imageIds.clear();
            }
            case Action.BuildImage b -> {
                images.build(b);
                imageIds.clear();
            }
            case Action.PushImage p -> images.push(p);
            case Action.CreateNetwork n -> {
                progress.on(ProgressEvent.working(r, "Creating"));
                try {
                    engine.createNetwork(n.spec());
                } catch (EngineException.Conflict e) {
                    // created meanwhile by another run: fine
                }
                progress.on(ProgressEvent.done(r, "Created"));
            }
            case Action.CreateVolume v -> {
                progress.on(ProgressEvent.working(r, "Creating"));
                engine.createVolume(v.spec());
                progress.on(ProgressEvent.done(r, "Created"));
            }
            case Action.CreateContainer c -> {
                progress.on(ProgressEvent.working(r, "Creating"));
                ids.put(c.spec().name(), create(c.spec(), c.spec().name()));
                progress.on(ProgressEvent.done(r, "Created"));
            }
            case Action.RecreateContainer c -> {
                progress.on(ProgressEvent.working(r, "Recreate"));
                String tempName = c.oldId().substring(0, Math.min(12, c.oldId().length())) + "_"
                        + c.spec().name();
                String id = create(c.spec(), tempName);
                engine.stopContainer(c.oldId(), c.stopTimeout());
                engine.removeContainer(c.oldId(), false, false);
                engine.renameContainer(id, c.spec().name());
                ids.put(c.spec().name(), id);
                progress.on(ProgressEvent.done(r, "Recreated"));
            }
            case Action.StartContainer s -> {
                progress.on(ProgressEvent.working(r, "Starting"));
                String id = s.containerId() != null ? s.containerId() : ids.get(s.containerName());
                engine.startContainer(id != null ? id : s.containerName());
                for (Hook hook : s.postStart()) {
                    int code = hook(id != null ? id : s.containerName(), s.service(),
                            s.containerName(), hook);
                    if (code != 0) {
                        throw new EngineException("post_start: " + s.service()
                                + " hook exited with status " + code + " in "
                                + s.containerName());
                    }
                }
                progress.on(ProgressEvent.done(r, "Started"));
            }
            case Action.DisconnectNetwork d -> {
                progress.on(ProgressEvent.working(r, "Disconnecting"));
                engine.disconnectNetwork(d.containerId(), d.network());
                progress.on(ProgressEvent.done(r, "Disconnected"));
            }
            case Action.ConnectNetwork c -> {
                progress.on(ProgressEvent.working(r, "Connecting"));
                engine.connectNetwork(c.containerId(), c.attachment());
                progress.on(ProgressEvent.done(r, "Connected"));
            }
            case Action.RunPreStartHooks h -> {
                for (int k = 0; k < h.hooks().size(); k++) {
                    preStart(h.service(), h.indexes().get(k), h.hooks().get(k));
                }
            }
            case Action.StopContainer s -> {
                progress.on(ProgressEvent.working(r, "Stopping"));
                String failed = null;
                for (Hook hook : s.preStop()) {
                    int code = hook(s.containerId(), s.service(), s.containerName(), hook);
                    if (code != 0 && failed == null) {
                        failed = "pre_stop: " + s.service() + " hook exited with status " + code
                                + " in " + s.containerName();
                    }
                }
                // a failing pre_stop hook does not keep the container running, but the
                // command fails (as docker compose's) and what waits on this stop is not done
                pacer.beforeStop(s.containerId(), chain);
                try {
                    engine.stopContainer(s.containerId(), s.timeout());
                } finally {
                    pacer.exited(s.containerId());
                }
                if (failed != null) {
                    progress.on(ProgressEvent.error(r, "Error", failed));
                    throw new EngineException(failed);
                }
                progress.on(ProgressEvent.done(r, "Stopped"));
            }
            case Action.KillContainer k -> {
                progress.on(ProgressEvent.working(r, "Killing"));
                engine.killContainer(k.containerId(), k.signal());
                progress.on(ProgressEvent.done(r, "Killed"));
            }
            case Action.PauseContainer p -> {
                progress.on(ProgressEvent.working(r, "Pausing"));
                engine.pauseContainer(p.containerId());
                progress.on(ProgressEvent.done(r, "Paused"));
            }
            case Action.UnpauseContainer u -> {
                progress.on(ProgressEvent.working(r, "Unpausing"));
                engine.unpauseContainer(u.containerId());
                progress.on(ProgressEvent.done(r, "Unpaused"));
            }
            case Action.RemoveContainer c -> {
                progress.on(ProgressEvent.working(r, "Removing"));
                try {
                    engine.removeContainer(c.containerId(), true, c.removeVolumes());
                } catch (EngineException.NotFound e) {
                    // already gone
                }
                progress.on(ProgressEvent.done(r, "Removed"));
            }
            case Action.RemoveNetwork n -> {
                progress.on(ProgressEvent.working(r, "Removing"));
                try {
                    engine.removeNetwork(n.name());
                } catch (EngineException.NotFound e) {
                    // already gone
                }
                progress.on(ProgressEvent.done(r, "Removed"));
            }
            case Action.RemoveVolume v -> {
                progress.on(ProgressEvent.working(r, "Removing"));
                try {
                    engine.removeVolume(v.name());
                } catch (EngineException.NotFound e) {
                    // already gone
                }
                progress.on(ProgressEvent.done(r, "Removed"));
            }
            case Action.RemoveImage i -> {
                progress.on(ProgressEvent.working(r, "Removing"));
                try {
                    engine.removeImage(i.image());
                } catch (EngineException.NotFound e) {
                    // already gone
                }
                imageIds.clear();
                progress.on(ProgressEvent.done(r, "Removed"));
            }
            case Action.AwaitService a -> throw new IllegalStateException("awaits run unlocked");
        }
    }

    /**
     * Runs one pre_start hook: its container is created, run to completion and removed; a
     * non-zero exit fails with the end of its output.
     */
    private void preStart(String service, int index, ContainerSpec spec) {
        String r = "Container " + spec.name();
        progress.on(ProgressEvent.working(r, "Running pre_start[" + index + "]"));
        // a leftover of an interrupted run has the same name
        engine.inspectContainer(spec.name())
                .ifPresent(c -> engine.removeContainer(c.id(), true, true));
        String id = create(spec, spec.name());
        try {
            engine.startContainer(id);
            int code = engine.waitContainer(id);
            if (code != 0) {
                String tail = outputTail(id, 5);
                String text = "service \"" + service + "\" pre_start[" + index
                        + "] failed with exit code " + code + (tail.isEmpty() ? "" : ": " + tail);
                progress.on(ProgressEvent.error(r, "Error", text));
                throw new EngineException(text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while running pre_start[" + index
                    + "] of service " + service);
        } finally {
            try {
                engine.removeContainer(id, true, true);
            } catch (EngineException e) {
                // gone already, or the engine refuses: the next run replaces it by name
            }
        }
        progress.on(ProgressEvent.done(r, "Completed"));
    }

    /** The last {@code lines} lines a stopped container wrote, joined by " | ". */
    private String outputTail(String id, int lines) throws InterruptedException {
        List<String> out = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Subscription logs = engine.logs(id, new LogOptions(false, lines, null, null, false),
                line -> out.add(line.text().strip()))) {
            logs.awaitCompletion();
        } catch (EngineException e) {
            return "";
        }
        return String.join(" | ", out.stream().filter(l -> !l.isEmpty()).toList());
    }

    /** Runs a lifecycle hook in a running container; returns its exit code. */
    private int hook(String containerId, String service, String containerName, Hook hook) {
        List<String> env = new ArrayList<>();
        hook.environment().forEach((k, v) -> env.add(v == null ? k : k + "=" + v));
        try (OutputStream out = hookOutput.stream(service, containerName, false);
                OutputStream err = hookOutput.stream(service, containerName, true)) {
            return engine.exec(new ExecSpec(containerId, hook.command(), env, hook.user(),
                    hook.workingDir(), false, Boolean.TRUE.equals(hook.privileged()), false),
                    new StreamIO(InputStream.nullInputStream(), out, err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while running a hook in " + containerId);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Creates a container outside a plan (a one-off of {@code run}) as a plan would: service
     * references resolved, its files written, its further networks connected.
     */
    public String createContainer(ContainerSpec spec) {
        return create(spec, spec.name());
    }

    private String create(ContainerSpec spec, String name) {
        ContainerSpec s = resolveReferences(spec, name);
        String id = engine.createContainer(s);
        if (!s.files().isEmpty()) {
            engine.putFiles(id, s.files());
        }
        for (int i = 1; i < s.networks().size(); i++) {
            engine.connectNetwork(id, s.networks().get(i));
        }
        return id;
    }

    /**
     * Fills in what is only known at run time: the image id label, and the container ids behind
     * {@code network_mode: service:x}.
     */
    private ContainerSpec resolveReferences(ContainerSpec spec, String name) {
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        imageIds.computeIfAbsent(spec.image(), engine::imageId)
                .ifPresent(id -> labels.put(Labels.IMAGE, id));
        String networkMode = spec.networkMode();
        if (networkMode != null && networkMode.startsWith("service:")) {
            networkMode = "container:" + serviceContainer("network_mode",
                    networkMode.substring("service:".length()), false);
        }
        ContainerSpec.Host host = spec.host().withNamespaceModes(
                serviceReference("ipc", spec.host().ipcMode()),
                serviceReference("pid", spec.host().pidMode()));
        // links and external_links as the engine takes them: container:alias
        List<String> links = new ArrayList<>();
        for (String link : spec.links()) {
            // to the linked service's container; none (up --no-deps): no link
            int colon = link.indexOf(':');
            String target = colon < 0 ? link : link.substring(0, colon);
            serviceContainers(target, true).stream().findFirst().ifPresent(c ->
                    links.add(c.name() + ":" + (colon < 0 ? target : link.substring(colon + 1))));
        }
        for (String link : spec.externalLinks()) {
            links.add(link.contains(":") ? link : link + ":" + link);
        }
        List<String> from = new ArrayList<>();
        for (String entry : spec.volumesFrom()) {
            from.add(volumesFrom(entry));
        }
        return spec.toBuilder()
                .name(name)
                .labels(labels)
                .networkMode(networkMode)
                .host(host)
                .links(links)
                .externalLinks(List.of())
                .volumesFrom(from)
                .build();
    }

    /** A {@code service:x} IPC or PID mode as the container of x; any other mode as it is. */
    private String serviceReference(String key, String mode) {
        return mode != null && mode.startsWith("service:") ? "container:"
                + serviceContainer(key, mode.substring("service:".length()), false) : mode;
    }

    /**
     * A {@code volumes_from} entry as the engine takes it, {@code container[:ro|rw]}: a service
     * name (or {@code service:name}) becomes the id of one of its containers.
     */
    private String volumesFrom(String entry) {
        if (entry.startsWith("container:")) {
            return entry.substring("container:".length());
        }
        String rest = entry.startsWith("service:") ? entry.substring("service:".length()) : entry;
        int colon = rest.indexOf(':');
        String target = colon < 0 ? rest : rest.substring(0, colon);
        String mode = colon < 0 ? "" : rest.substring(colon);
        return serviceContainer("volumes_from", target, true) + mode;
    }

    /** The containers of {@code service} in this project, by name (not one-offs). */
    private List<ContainerSummary> serviceContainers(String service, boolean stoppedToo) {
        return engine.listContainers(Map.of(Labels.PROJECT, project, Labels.SERVICE, service),
                        stoppedToo).stream()
                .filter(c -> !"True".equals(c.label(Labels.ONEOFF)))
                .sorted(java.util.Comparator.comparing(ContainerSummary::name))
                .toList();
    }

    /** The id of a container of {@code service} in this project (running, unless stopped). */
    private String serviceContainer(String key, String service, boolean stoppedToo) {
        return serviceContainerSummary(key, service, stoppedToo).id();
    }

    private ContainerSummary serviceContainerSummary(String key, String service,
            boolean stoppedToo) {
        List<ContainerSummary> found = serviceContainers(service, stoppedToo);
        if (found.isEmpty()) {
            throw new EngineException(key + " refers to service " + service + ", which has no "
                    + (stoppedToo ? "" : "running ") + "container");
        }
        return found.get(0);
    }
}
