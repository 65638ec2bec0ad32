package dev.jcompose.cli.startup;

import dev.jcompose.api.ContainerInfo;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A listing of every compose project's containers, taken on the warm-up thread while the command
 * line is parsed and the project loaded, that answers {@code ps}: ps then picks its project's
 * containers from it instead of asking the engine once the project is known (a request and
 * 40 KB of JSON for 30 containers, ~20 ms on the command's critical path).
 *
 * <p>It answers once, only a listing of the same states, and is never taken after ps has asked
 * without it; so nothing can be answered from it stale.
 */
public final class PsPrefetch {

    private record Taken(boolean includeStopped,
            CompletableFuture<List<ContainerInfo>> result) { }

    private static final Object CLOSED = new Object();

    /** null: nothing taken yet; a {@link Taken}; or {@link #CLOSED}: ps has asked. */
    private final AtomicReference<Object> state = new AtomicReference<>();

    /**
     * Takes the listing with {@code list} ({@code includeStopped} in, every compose project's
     * containers out), unless ps has already asked.
     */
    void take(boolean includeStopped, Function<Boolean, List<ContainerInfo>> list) {
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
     * ps's listing of {@code project} from the taken one, waiting for it if it is still on its
     * way; or null when the target must be asked: nothing was taken, this is not the first
     * answer, or it lists other states. A taking that failed fails this listing the same way.
     */
    public List<ContainerInfo> answer(String project, boolean includeStopped,
            List<String> services) {
        Object s = state.getAndSet(CLOSED);
        if (!(s instanceof Taken taken) || taken.includeStopped() != includeStopped) {
            return null;
        }
        try {
            return taken.result().join().stream()
                    .filter(c -> project.equals(c.project()))
                    .filter(c -> services.isEmpty() || services.contains(c.service()))
                    .toList();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
