package dev.jcompose.api;

import dev.jcompose.model.Problem;
import dev.jcompose.planner.progress.ProgressListener;
import java.util.function.Consumer;

/**
 * Where projects are deployed, and the maker of the {@link ComposeService} that deploys them
 * there. The local target is a Docker engine ({@link dev.jcompose.api.local.LocalTarget}),
 * which also deploys stacks when it is a swarm manager ({@link #stacks}); further targets
 * (Kubernetes) plug in beside it with the same model, loader and progress events. Opening a target connects to nothing: the connection is made by the first
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
     * Stacks on this target's engine, which must be a Docker Swarm manager: the same engine,
     * chosen the same way, as {@link #service}'s. Connects on the first call that needs it.
     *
     * @param progress receives the deploy's and removal's progress events
     * @param warnings receives warnings about the files, all of them before a deploy starts
     */
    StackService stacks(ProgressListener progress, Consumer<Problem> warnings);

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
