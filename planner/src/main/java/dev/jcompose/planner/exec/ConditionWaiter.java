package dev.jcompose.planner.exec;

import dev.jcompose.model.DependsOn.Condition;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineEvent;
import dev.jcompose.planner.engine.HealthSchedule;
import dev.jcompose.planner.engine.Subscription;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Waits until containers satisfy a dependency condition by listening to the engine's event
 * stream: the state is checked once, then again on each event about the containers (start, die,
 * health_status), so a condition is seen the moment the engine reports it rather than on the
 * next poll. A slow periodic re-check guards against a lost event.
 */
public final class ConditionWaiter {

    /** The condition can no longer be met (exited non-zero, unhealthy, no healthcheck). */
    public static final class ConditionFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String service;

        public ConditionFailed(String message) {
            this(message, null);
        }

        /** A failure of {@code service}'s condition (null when not known). */
        public ConditionFailed(String message, String service) {
            super(message);
            this.service = service;
        }

        /** The service whose condition failed, or null. */
        public String service() {
            return service;
        }
    }

    /** A container without a healthcheck, still running (see {@link #NO_HEALTHCHECK_GRACE}). */
    private static final class NoHealthcheck extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoHealthcheck(String message) {
            super(message);
        }
    }

    private static final Duration RECHECK = Duration.ofSeconds(5);

    /**
     * How long a running dependency without a healthcheck is watched before {@code
     * service_healthy} fails for the lack of one: a container that exits at once is reported as
     * exited (its exit code is the useful fact), as docker compose, which checks every 500 ms,
     * reports it.
     */
    static final Duration NO_HEALTHCHECK_GRACE = Duration.ofMillis(500);

    /**
     * What a healthcheck's schedule is given on top before a health still "starting" counts as
     * a healthcheck the engine does not run (a loaded machine runs checks late).
     */
    static final Duration STALL_SLACK = Duration.ofSeconds(30);

    private final Engine engine;
    private final Duration stallSlack;
    private final Map<String, Optional<HealthSchedule>> schedules = new HashMap<>();

    public ConditionWaiter(Engine engine) {
        this(engine, STALL_SLACK);
    }

    ConditionWaiter(Engine engine, Duration stallSlack) {
        this.engine = engine;
        this.stallSlack = stallSlack;
    }

    /**
     * Blocks until every container in {@code names} satisfies {@code condition}.
     *
     * @param projectLabels labels selecting the project's events
     * @param timeout       give up after this long (null: no limit)
     * @throws ConditionFailed when a container cannot satisfy the condition
     */
    public void await(String service, List<String> names, Condition condition,
            Map<String, String> projectLabels, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = timeout == null ? Long.MAX_VALUE : start + timeout.toNanos();
        long graceEnd = start + NO_HEALTHCHECK_GRACE.toNanos();
        if (check(service, names, condition, graceEnd)) {
            return; // the common case for service_started: no event stream to open and close
        }
        // subscribed before the next check, so no change between the two goes unseen
        LinkedBlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
        try (Subscription ignored = engine.events(projectLabels, events::add)) {
            while (true) {
                if (check(service, names, condition, graceEnd)) {
                    return;
                }
                if (condition == Condition.HEALTHY) {
                    failIfStalled(service, names, start);
                }
                long now = System.nanoTime();
                long left = deadline - now;
                if (left <= 0) {
                    throw new ConditionFailed("application not healthy after "
                            + seconds(timeout) + ": timed out waiting for service " + service
                            + " to be " + condition.description());
                }
                long wait = Math.min(left, RECHECK.toNanos());
                if (now < graceEnd) {
                    wait = Math.min(wait, graceEnd - now);
                }
                EngineEvent e = events.poll(wait, TimeUnit.NANOSECONDS);
                // drain what arrived together, then re-check once
                while (e != null && !events.isEmpty()) {
                    e = events.poll();
                }
            }
        }
    }

    /**
     * Fails when a container's health is still "starting" past what its schedule allows
     * ({@link HealthSchedule#resolvesWithin()} and {@link #stallSlack}): an engine that runs
     * healthchecks has called it healthy or unhealthy by then, so this one does not run them.
     */
    private void failIfStalled(String service, List<String> names, long start) {
        long waited = System.nanoTime() - start;
        for (String name : names) {
            Optional<HealthSchedule> schedule = schedules.computeIfAbsent(name,
                    engine::healthSchedule);
            if (schedule.isEmpty()) {
                continue;
            }
            Duration bound = schedule.get().resolvesWithin().plus(stallSlack);
            if (waited < bound.toNanos()) {
                continue;
            }
            Optional<ContainerSummary> c = engine.inspectContainer(name);
            if (c.isPresent() && "starting".equals(c.get().health())) {
                HealthSchedule h = schedule.get();
                throw new ConditionFailed("the healthcheck of service " + service + " (container "
                        + name + ") has given no result in " + seconds(bound) + ", longer "
                        + "than its schedule allows (start_period " + seconds(h.startPeriod())
                        + ", then " + (h.retries() + 1) + " runs of interval "
                        + seconds(h.interval()) + " and timeout " + seconds(h.timeout())
                        + ", and " + seconds(stallSlack) + " to spare): the engine is not "
                        + "running it. Engines restarted with live-restore, and Podman without "
                        + "systemd, do not run healthchecks; restart the container, or bound "
                        + "the wait with --wait-timeout");
            }
        }
    }

    /** {@code 3s}, {@code 1.5s}: as docker compose prints a timeout. */
    private static String seconds(Duration timeout) {
        if (timeout == null) {
            return "?";
        }
        long tenths = Math.round(timeout.toMillis() / 100.0);
        return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10.0 + "s";
    }

    /** {@link #satisfied}, with a missing healthcheck a failure only after the grace. */
    private boolean check(String service, List<String> names, Condition condition,
            long graceEnd) {
        try {
            return satisfied(service, names, condition);
        } catch (NoHealthcheck e) {
            if (System.nanoTime() - graceEnd >= 0) {
                throw new ConditionFailed(e.getMessage());
            }
            return false;
        }
    }

    private boolean satisfied(String service, List<String> names, Condition condition) {
        for (String name : names) {
            Optional<ContainerSummary> c = engine.inspectContainer(name);
            if (c.isEmpty()) {
                throw new ConditionFailed("container " + name + " of service " + service
                        + " no longer exists");
            }
            if (!satisfied(service, c.get(), condition)) {
                return false;
            }
        }
        return true;
    }

    private static boolean satisfied(String service, ContainerSummary c, Condition condition) {
        boolean exited = "exited".equals(c.state()) || "dead".equals(c.state());
        switch (condition) {
            case HEALTHY -> {
                if (exited) {
                    throw new ConditionFailed("container " + c.name() + " exited ("
                            + c.exitCode() + ") before it was healthy (service " + service
                            + ")");
                }
                if (c.health() == null) {
                    throw new NoHealthcheck("service " + service + " has no healthcheck, so "
                            + "it can never be healthy (container " + c.name() + "); add a "
                            + "healthcheck or use condition: service_started");
                }
                if ("unhealthy".equals(c.health())) {
                    throw new ConditionFailed("container " + c.name() + " is unhealthy (service "
                            + service + ")");
                }
                return "healthy".equals(c.health());
            }
            case COMPLETED -> {
                if (exited) {
                    if (c.exitCode() != null && c.exitCode() != 0) {
                        throw new ConditionFailed("container " + c.name() + " exited ("
                                + c.exitCode() + "); service " + service
                                + " must complete successfully");
                    }
                    return true;
                }
                return false;
            }
            default -> {
                return c.isRunning() || exited || "paused".equals(c.state());
            }
        }
    }
}
