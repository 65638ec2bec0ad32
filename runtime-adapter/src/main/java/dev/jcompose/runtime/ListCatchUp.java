package dev.jcompose.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Docker Engine 23 and later (API 1.42+) answer container lists from a copy of the containers'
 * state that they update just after a stop or a wait has returned: for a few milliseconds (up to
 * 60 ms measured on Docker 26, none on 20.10) a list still shows the stopped container running.
 * The engine port promises that a list made after {@code stopContainer} or
 * {@code waitContainer} returned sees the container stopped, as compose's users see it after
 * {@code docker compose stop} on Docker 20.10, so on those engines the adapter waits, before
 * returning, until the list agrees (one list request when it already does). compose v2 works
 * around the same lag where it removes containers.
 */
final class ListCatchUp {

    static final String SINCE = "1.42";
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final long PAUSE_MILLIS = 5;

    private ListCatchUp() {
    }

    /** True when {@code engine} answers lists from such a copy. */
    static boolean needed(EngineIdentity engine) {
        return engine.kind() == EngineIdentity.Kind.DOCKER && engine.speaks(SINCE);
    }

    /**
     * Returns once {@code listedRunning} is false, or after two seconds (the engine's state
     * then says what it says).
     */
    static void await(BooleanSupplier listedRunning) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (listedRunning.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
