package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loader's time bound for a file under 1 MB, 5 seconds, measured as the CPU time of the
 * thread that loads (the machine running the tests may be shared, so wall time says little),
 * with a wall-clock guard twelve times as long that catches a hang (a blocked read) as such.
 */
final class LoadBudget {

    static final Duration CPU = Duration.ofSeconds(5);
    static final Duration HANG = CPU.multipliedBy(12);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** What a call returned or threw, and the CPU time it took. */
    record Outcome<T>(T value, Throwable thrown, Duration cpu) { }

    private LoadBudget() {
    }

    /** A call that did not return within {@link #HANG}. */
    static final class Hang extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Hang(String message) {
            super(message);
        }
    }

    /** Runs {@code call} on its own thread; fails the test on a hang or over the CPU bound. */
    static <T> Outcome<T> run(Callable<T> call, String what) {
        Outcome<T> outcome = measure(call, what);
        if (outcome.thrown() instanceof Hang hang) {
            fail(hang.getMessage() + ": a hang");
        }
        assertTrue(outcome.cpu().compareTo(CPU) <= 0, what + " took " + outcome.cpu().toMillis()
                + " ms of CPU (bound " + CPU.toMillis() + " ms)");
        return outcome;
    }

    /** As {@link #run} without the CPU assertion: the caller classifies the outcome. */
    static <T> Outcome<T> measure(Callable<T> call, String what) {
        FutureTask<Outcome<T>> task = new FutureTask<>(() -> {
            long start = THREADS.getCurrentThreadCpuTime();
            T value = null;
            Throwable thrown = null;
            try {
                value = call.call();
            } catch (Throwable t) {
                thrown = t;
            }
            return new Outcome<>(value, thrown,
                    Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - start));
        });
        Thread thread = Thread.ofPlatform().daemon().name("load-budget").start(task);
        try {
            return task.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            return new Outcome<>(null, new Hang(what + " did not finish in " + HANG.toSeconds()
                    + " s"), HANG);
        } catch (InterruptedException | ExecutionException e) {
            return fail(what + ": " + e, e);
        }
    }
}
