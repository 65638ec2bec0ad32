package dev.jcompose.planner.exec;

import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.Step;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * carry on. What each step does to the engine is {@link StepRunner}'s; dependency waits are
 * {@link AwaitStep}'s.
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
    private final ImageSteps images;
    private final ContainerCreator creator;
    private final Hooks hooks;
    private final AwaitStep awaits;

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
        this.engine = engine;
        this.project = project;
        this.progress = progress;
        this.parallelism = Math.max(1, parallelism);
        this.images = new ImageSteps(engine, progress);
        this.creator = new ContainerCreator(engine);
        this.hooks = new Hooks(engine, progress, hooks);
        this.awaits = new AwaitStep(engine, progress, project, waitTimeout);
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
        Map<Integer, CompletableFuture<Void>> futures = new LinkedHashMap<>();
        Map<Integer, Failure> failures = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(parallelism);
        long stops = plan.steps().stream()
                .filter(s -> s.action() instanceof Action.StopContainer).count();
        try (StopPacer pacer = StopPacer.forStops(engine, ContainerSpecs.projectLabel(project),
                stops);
                ExecutorService threads = Executors.newThreadPerTaskExecutor(STEP_THREADS)) {
            StepRunner steps = new StepRunner(engine, progress, images, creator, hooks,
                    new ServiceReferences(engine, project), pacer, plan);
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
                                run(steps, step.action(), permits, chains.get(step.id()));
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

    private void run(StepRunner steps, Action action, Semaphore permits, int chain)
            throws InterruptedException {
        if (action instanceof Action.AwaitService a) {
            awaits.await(a);
            return;
        }
        permits.acquire();
        try {
            steps.perform(action, chain);
        } finally {
            permits.release();
        }
    }

    /**
     * Creates a container outside a plan (a one-off of {@code run}) as a plan would: service
     * references resolved, its files written, its further networks connected.
     */
    public String createContainer(ContainerSpec spec) {
        return creator.create(spec, spec.name(), new ServiceReferences(engine, project));
    }
}
