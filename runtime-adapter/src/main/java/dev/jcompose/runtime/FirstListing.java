package dev.jcompose.runtime;

import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSummary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A listing of every compose project's containers, taken on the warm-up thread while the command
 * line is parsed and the project loaded, that answers the command's first container listing:
 * {@code ps} then filters it for its project instead of asking the engine once the project is
 * loaded (a request and 40 KB of JSON for 30 containers, ~20 ms on the command's critical path).
 *
 * <p>It answers only the first listing, only one asking for the same states and selecting by
 * the compose project label, and never after a listing was made without it; so nothing later in
 * a command can be answered from it, stale.
 */
final class FirstListing {

    private record Taken(boolean includeStopped,
            CompletableFuture<List<ContainerSummary>> result) { }

    private static final Object CLOSED = new Object();

    /** null: nothing taken yet; a {@link Taken}; or {@link #CLOSED}: the first listing was made. */
    private final AtomicReference<Object> state = new AtomicReference<>();

    /**
     * Takes the listing with {@code list} ({@code includeStopped} in, every compose container
     * out), unless the first listing has already been made.
     */
    void take(boolean includeStopped, Function<Boolean, List<ContainerSummary>> list) {
        Taken taken = new Taken(includeStopped, new CompletableFuture<>());
        if (!state.compareAndSet(null, taken)) {
            return;
        }
        try {
            taken.result().complete(list.apply(includeStopped));
        } catch (RuntimeException e) {
            taken.result().completeExceptionally(e);
        }
    }

    /**
     * The answer to a listing from the taken one, waiting for it if it is still on its way; or
     * null when the engine must be asked: nothing was taken, this is not the first listing, or
     * it asks for something else. A taking that failed fails this listing the same way.
     */
    List<ContainerSummary> answer(Map<String, String> labels, boolean includeStopped) {
        Object s = state.getAndSet(CLOSED);
        if (!(s instanceof Taken taken) || taken.includeStopped() != includeStopped
                || !labels.containsKey(Labels.PROJECT)) {
            return null;
        }
        try {
            return taken.result().join().stream()
                    .filter(c -> Labels.selected(c.labels(), labels)).toList();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
