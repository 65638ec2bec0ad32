package dev.jcompose.api;

/**
 * A terminal attached to a service's container ({@code attach}): its output flows to the
 * caller's streams until the container stops, the detach keys are typed, or it is closed.
 */
public interface AttachSession extends AutoCloseable {

    /** The name of the container attached to. */
    String container();

    /** Sends {@code signal} ({@code INT}, {@code TERM}) to the container: the signal proxy. */
    void signal(String signal);

    /** Blocks until the container stops or the detach keys are typed. */
    AttachResult await() throws InterruptedException;

    /** Detaches; the container runs on. */
    @Override
    void close();
}
