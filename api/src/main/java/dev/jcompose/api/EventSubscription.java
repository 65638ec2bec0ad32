package dev.jcompose.api;

/** A stream of events or output that runs until it ends or is closed. */
public interface EventSubscription extends AutoCloseable {

    /** Blocks until the stream ends. */
    void awaitCompletion() throws InterruptedException;

    /** Stops the stream; no event is delivered after it returns. */
    @Override
    void close();
}
