package dev.jcompose.api;

import dev.jcompose.planner.progress.ProgressListener;
import java.util.function.Consumer;

/**
 * Where projects are deployed, and the maker of the {@link ComposeService} that deploys them
 * there. The local target is a Docker engine ({@link dev.jcompose.api.local.LocalTarget});
 * further targets (Swarm, Kubernetes) plug in beside it with the same model, loader and
 * progress events. Opening a target connects to nothing: the connection is made by the first
 * call that needs it, or by {@link #warmUp}.
 */
public interface ComposeTarget extends AutoCloseable {

    /**
     * A service on this target, sharing its connection; cheap, so commands may make one per
     * listener.
     *
     * @param progress   receives progress events
     * @param hookOutput receives the output of {@code post_start} and {@code pre_stop} hooks,
     *                   line by line, as log entries of the hook's container
     */
    ComposeService service(ProgressListener progress, Consumer<LogEntry> hookOutput);

    /** A service whose hooks' output is dropped. */
    default ComposeService service(ProgressListener progress) {
        return service(progress, entry -> { });
    }

    /**
     * Connects now, on the calling thread, and makes the calls a command that uses
     * {@code what} makes first, so that they are warm when it makes them. Failures are ignored:
     * the command's own call reports them.
     */
    void warmUp(WarmUp what);

    /**
     * The context this target acts in and what chose it, without connecting.
     *
     * @throws ComposeException when the options given conflict
     */
    TargetContext context();

    /**
     * Where this target's engine is, without connecting.
     *
     * @throws ComposeException when it cannot be determined (an unknown context, a host that
     *                          does not parse, TLS files that cannot be read)
     */
    TargetEndpoint endpoint();

    /** The host published ports are reached on: {@code localhost}, or a remote engine's host. */
    String publishedHost();

    /** Closes the connection, if one was made. */
    @Override
    void close();
}
