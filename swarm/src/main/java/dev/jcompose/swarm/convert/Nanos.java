package dev.jcompose.swarm.convert;

import java.time.Duration;

/** Durations as the Engine API writes them: whole nanoseconds, or null when not set. */
final class Nanos {

    private Nanos() {
    }

    static Long of(Duration d) {
        return d == null ? null : d.toNanos();
    }
}
