package dev.jcompose.planner.engine;

/** A running stream (logs, events); closing it stops the stream. */
public interface Subscription extends AutoCloseable {

    /** Blocks until the stream ends by itself (for logs: the container stopped). */
    void awaitCompletion() throws InterruptedException;

    @Override
    void close();
}
