package dev.jcompose.api.local;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers changed paths into batches: a batch is due once no change came for the quiet period,
 * or once its first change is {@code maxDelay} old (so a file rewritten without pause is still
 * synced). Each path appears once per batch, in the order first seen. Times are the caller's
 * clock in nanoseconds, so tests drive it without sleeping. Not thread-safe: one thread owns it.
 */
final class Debouncer {

    private final long quietNanos;
    private final long maxDelayNanos;
    private final Set<Path> pending = new LinkedHashSet<>();
    private long first;
    private long last;

    Debouncer(long quietNanos, long maxDelayNanos) {
        this.quietNanos = quietNanos;
        this.maxDelayNanos = maxDelayNanos;
    }

    /** Records a change of {@code path} seen at {@code now}. */
    void add(Path path, long now) {
        if (pending.isEmpty()) {
            first = now;
        }
        pending.add(path);
        last = now;
    }

    /** When the pending batch falls due, or {@code Long.MAX_VALUE} when none is pending. */
    long deadline() {
        if (pending.isEmpty()) {
            return Long.MAX_VALUE;
        }
        long quiet = last + quietNanos;
        long max = first + maxDelayNanos;
        return quiet - max < 0 ? quiet : max;
    }

    /** The pending batch if it is due at {@code now} (and forgets it), else an empty list. */
    List<Path> poll(long now) {
        if (pending.isEmpty() || now - deadline() < 0) {
            return List.of();
        }
        List<Path> batch = List.copyOf(pending);
        pending.clear();
        return batch;
    }
}
