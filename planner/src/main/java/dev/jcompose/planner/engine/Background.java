package dev.jcompose.planner.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * An engine read started on its own thread, for reads that do not depend on each other (the
 * project's containers, networks, volumes and images): made together, they cost the slowest of
 * them instead of their sum. A platform daemon thread, for the reason given at the Executor.
 */
public final class Background<T> {

    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Background(Supplier<T> read) {
        Thread.ofPlatform().daemon().name("jcompose-read").start(() -> {
            try {
                result.complete(read.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
    }

    /** Starts {@code read} now. */
    public static <T> Background<T> start(Supplier<T> read) {
        return new Background<>(read);
    }

    /** The read's result; its exception, as it was thrown, when it failed. */
    public T get() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
