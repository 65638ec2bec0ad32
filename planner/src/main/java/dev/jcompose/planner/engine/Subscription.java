package dev.jcompose.planner.engine;

/** A running stream (logs, events); closing it stops the stream. */
public interface Subscription extends AutoCloseable {

    /** Blocks until the stream ends by itself (for logs: the container stopped). */
    void awaitCompletion() throws InterruptedException;

    @Override
    void close();

    /** {@code stream}, with {@code first} run when it is closed, before the stream is. */
    static Subscription closing(Subscription stream, Runnable first) {
        return new Subscription() {
            @Override
            public void awaitCompletion() throws InterruptedException {
                stream.awaitCompletion();
            }

            @Override
            public void close() {
                first.run();
                stream.close();
            }
        };
    }
}
