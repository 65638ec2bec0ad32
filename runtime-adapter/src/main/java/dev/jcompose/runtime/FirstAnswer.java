package dev.jcompose.runtime;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.jcompose.planner.engine.EngineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A bound on the engine's first answer: an address that accepts connections but never answers
 * (a hung engine, a socket file some other program serves) would otherwise block the first
 * request forever, as the connection timeout only covers connecting. The first request is given
 * {@link #timeout} to be answered (its status line and headers: a stream answers them at once,
 * and the first request of a command is never a long call; one that streams a body, a build
 * context or an archive, is not bounded, as sending it may take long); after it, the client is closed and
 * the request fails with {@link NoAnswer}. Later requests are not bounded: an engine that has
 * answered once is alive, and stop, wait, pull and build legitimately take their time.
 */
final class FirstAnswer implements DockerHttpClient {

    /** The variable that sets the bound, in seconds. */
    static final String VARIABLE = "JCOMPOSE_ENGINE_TIMEOUT";
    static final Duration DEFAULT = Duration.ofSeconds(30);

    /** The engine did not answer in time. */
    static final class NoAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoAnswer(String message) {
            super(message);
        }
    }

    private final DockerHttpClient delegate;
    private final Duration timeout;
    private volatile boolean answered;

    FirstAnswer(DockerHttpClient delegate, Duration timeout) {
        this.delegate = delegate;
        this.timeout = timeout;
    }

    /** The bound {@code env} sets ({@value #VARIABLE}, in seconds), else {@link #DEFAULT}. */
    static Duration timeout(Map<String, String> env) {
        String v = env.getOrDefault(VARIABLE, "").strip();
        if (v.isEmpty()) {
            return DEFAULT;
        }
        try {
            double seconds = Double.parseDouble(v);
            if (seconds > 0 && seconds < 86_400) {
                return Duration.ofMillis((long) (seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new EngineException(VARIABLE + "=" + v
                + " is not a number of seconds (e.g. 30 or 2.5)");
    }

    @Override
    public Response execute(Request request) {
        if (answered || request.bodyBytes() == null && request.body() != null) {
            // a streamed body (a build context, an archive) may take long to send
            return delegate.execute(request);
        }
        CompletableFuture<Response> call = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("jcompose-first-answer").start(() -> {
            try {
                call.complete(delegate.execute(request));
            } catch (Throwable t) {
                call.completeExceptionally(t);
            }
        });
        try {
            Response r = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            answered = true;
            return r;
        } catch (TimeoutException e) {
            closeQuietly();
            throw new NoAnswer("the engine accepted the connection but did not answer "
                    + request.method() + " " + RequestLog.path(request.path()) + " within "
                    + seconds(timeout) + " (" + VARIABLE + " sets this bound)");
        } catch (InterruptedException e) {
            closeQuietly();
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted while waiting for the engine's first answer");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms / 1000.0 + "s";
    }

    private void closeQuietly() {
        try {
            delegate.close();
        } catch (IOException | RuntimeException e) {
            // closing only to abort the request that hangs
        }
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
