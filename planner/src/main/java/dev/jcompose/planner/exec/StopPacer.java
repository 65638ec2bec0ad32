package dev.jcompose.planner.exec;

import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.Subscription;
import java.time.Duration;
import java.util.HashMap;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Paces the stop requests of one plan so that the engine is signalling at most {@code slots}
 * containers at a time. A stop request takes a slot; the slot is free again when the engine
 * reports the container's {@code die}, when the request returns, or {@link #FREE_AFTER} after
 * it was sent, whichever comes first.
 *
 * <p>Why: the engine tears a stopped container down (its network sandbox, its mounts) one
 * container after another, ~60 ms each on two cores, and that queue is what a {@code down}
 * waits for. Thirty stop requests sent at once share the engine's CPU among thirty kills and
 * thirty exits, so the first container is only torn down ~300 ms later; sent as containers exit,
 * the first is torn down within ~100 ms and the queue never runs dry (a {@code down} of 30
 * services: docs/PERFORMANCE.md).
 *
 * <p>Containers that take their time to exit (a grace period waited out, a slow shutdown) gain
 * nothing from pacing, they would only be signalled later: once {@link #SLOW_ONES_TO_STOP_PACING}
 * signalled containers are still running {@link #SLOW} after their signal, the pacer stands
 * aside and every remaining stop goes at once, as without it. A stop sent before the event
 * stream was listening does not count as slow (its {@code die} could not be seen).
 */
final class StopPacer implements AutoCloseable {

    /** The longest a signalled container holds its slot without exiting. */
    static final Duration FREE_AFTER = Duration.ofMillis(100);

    /** A signalled container still running after this long is slow to stop. */
    static final Duration SLOW = Duration.ofMillis(500);

    /** Slow containers after which pacing stops for the rest of the plan. */
    static final int SLOW_ONES_TO_STOP_PACING = 2;

    /**
     * Stops per slot that go at once, unpaced: so few kills do not contend on the engine, and
     * a plan that small would pay for the event stream and wait for exits for nothing.
     */
    static final int UNPACED_PER_SLOT = 2;

    /** Paces nothing. */
    static final StopPacer NONE = new StopPacer(Integer.MAX_VALUE, FREE_AFTER, SLOW);

    private final int slots;
    private final long freeAfterNanos;
    private final long slowNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    /** Signalled containers that have not exited, by id. */
    private final Map<String, Signalled> signalled = new HashMap<>();
    /** Stops waiting for a slot: the longest chain of steps behind first, then first come. */
    private final TreeSet<Waiter> waiting = new TreeSet<>(Comparator
            .comparingInt((Waiter w) -> -w.priority).thenComparingLong(w -> w.seq));
    private long arrivals;
    private int holdingSlots;
    private int slowOnes;
    private boolean standingAside;
    private boolean listening;
    private boolean closed;
    private Subscription events;

    /** A signalled container: when, whether its die could be seen, whether it holds a slot. */
    private static final class Signalled {
        final long at;
        final boolean dieAwaited;
        boolean holdsSlot = true;

        Signalled(long at, boolean dieAwaited) {
            this.at = at;
            this.dieAwaited = dieAwaited;
        }
    }

    private record Waiter(int priority, long seq) { }

    StopPacer(int slots, Duration freeAfter, Duration slow) {
        this.slots = Math.max(1, slots);
        this.freeAfterNanos = freeAfter.toNanos();
        this.slowNanos = slow.toNanos();
    }

    /**
     * A pacer for a plan with {@code stops} stop requests, listening to the engine's events for
     * the containers' exits, or {@link #NONE} when there are at most {@link #UNPACED_PER_SLOT}
     * stops a slot (one slot per core here, at least two: the engine is usually on this machine).
     */
    static StopPacer forStops(Engine engine, Map<String, String> projectLabels, long stops) {
        int slots = Math.max(2, Runtime.getRuntime().availableProcessors());
        if (stops <= UNPACED_PER_SLOT * slots) {
            return NONE;
        }
        return forStops(engine, projectLabels, stops, slots, FREE_AFTER, SLOW);
    }

    static StopPacer forStops(Engine engine, Map<String, String> projectLabels, long stops,
            int slots, Duration freeAfter, Duration slow) {
        if (stops <= slots) {
            return NONE;
        }
        StopPacer pacer = new StopPacer(slots, freeAfter, slow);
        // subscribed on the side: the first stops need not wait for it (see dieAwaited)
        Thread.ofPlatform().daemon().name("jcompose-stop-pacer").start(() -> {
            try {
                pacer.listening(engine.events(projectLabels, e -> {
                    if ("die".equals(e.action()) && e.id() != null) {
                        pacer.exited(e.id());
                    }
                }));
            } catch (RuntimeException e) {
                // no events: slots are freed by the requests' answers and by time
            }
        });
        return pacer;
    }

    /**
     * Blocks until {@code containerId} may be signalled, and takes a slot for it. Of the stops
     * waiting, the one with the highest {@code priority} (the plan's longest chain of steps
     * after it) goes first, then the one waiting longest.
     */
    void beforeStop(String containerId, int priority) throws InterruptedException {
        if (this == NONE) {
            return;
        }
        lock.lockInterruptibly();
        Waiter me = new Waiter(priority, arrivals++);
        waiting.add(me);
        try {
            while (true) {
                long now = System.nanoTime();
                long next = expire(now);
                if (standingAside || closed) {
                    return;
                }
                if (holdingSlots < slots && waiting.first() == me) {
                    signalled.put(containerId, new Signalled(now, listening));
                    holdingSlots++;
                    return;
                }
                freed.awaitNanos(next - now);
            }
        } finally {
            waiting.remove(me);
            // the next in line may take a slot still free
            freed.signalAll();
            lock.unlock();
        }
    }

    /** {@code containerId} exited, or its stop request returned: its slot is free. */
    void exited(String containerId) {
        if (this == NONE) {
            return;
        }
        lock.lock();
        try {
            Signalled s = signalled.remove(containerId);
            if (s != null && s.holdsSlot) {
                holdingSlots--;
                freed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether stops are still paced (false once slow containers made the pacer stand aside). */
    boolean pacing() {
        lock.lock();
        try {
            expire(System.nanoTime());
            return !standingAside && !closed;
        } finally {
            lock.unlock();
        }
    }

    /** How many stops are waiting for a slot. */
    int waitingStops() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the engine's events are heard (exits free slots as they come). */
    boolean hearsExits() {
        lock.lock();
        try {
            return listening;
        } finally {
            lock.unlock();
        }
    }

    /** The event stream now reports exits (until {@link #close}). */
    void listening(Subscription subscription) {
        lock.lock();
        try {
            if (!closed) {
                events = subscription;
                listening = true;
                return;
            }
        } finally {
            lock.unlock();
        }
        subscription.close();
    }

    /**
     * Frees the slots held {@link #FREE_AFTER} long and counts the containers running
     * {@link #SLOW} after their signal; returns when the next slot is freed by time.
     */
    private long expire(long now) {
        long next = now + freeAfterNanos;
        for (Iterator<Signalled> it = signalled.values().iterator(); it.hasNext(); ) {
            Signalled s = it.next();
            if (s.holdsSlot) {
                if (now - s.at >= freeAfterNanos) {
                    s.holdsSlot = false;
                    holdingSlots--;
                } else if (s.at + freeAfterNanos - next < 0) {
                    next = s.at + freeAfterNanos;
                }
            }
            if (now - s.at >= slowNanos) {
                it.remove();
                if (s.dieAwaited && ++slowOnes >= SLOW_ONES_TO_STOP_PACING) {
                    standingAside = true;
                }
            }
        }
        return next;
    }

    @Override
    public void close() {
        if (this == NONE) {
            return;
        }
        Subscription s;
        lock.lock();
        try {
            closed = true;
            freed.signalAll();
            s = events;
            events = null;
        } finally {
            lock.unlock();
        }
        if (s != null) {
            s.close();
        }
    }
}
