package dev.jcompose.runtime;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.jcompose.planner.engine.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * A streaming answer of the engine (events, logs), read on a thread of its own until it ends
 * or is closed. Closing the subscription closes the response, which ends the reader at once,
 * also when the request has not been answered yet: a reader left blocked on the socket would
 * hold the JVM's exit back by 300 ms.
 */
final class EngineStream implements Subscription {

    /** Reads the stream's body; returns at its end. */
    interface Reader {
        void read(InputStream body) throws IOException;
    }

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile DockerHttpClient.Response response;
    private volatile boolean closed;

    private EngineStream() {
    }

    /** Reads {@code response}, a streaming answer already received. */
    static EngineStream of(DockerHttpClient.Response response, String name, Reader reader) {
        EngineStream s = new EngineStream();
        s.response = response;
        s.start(name, () -> response, reader, () -> { });
        return s;
    }

    /**
     * Makes {@code request} on the stream's own thread and reads its answer when the engine
     * accepts it (an error answer ends the stream); {@code atEnd} runs when the stream ended by
     * itself rather than by {@link #close}.
     */
    static EngineStream request(Callable<DockerHttpClient.Response> request, String name,
            Reader reader, Runnable atEnd) {
        EngineStream s = new EngineStream();
        s.start(name, request, reader, atEnd);
        return s;
    }

    private void start(String name, Callable<DockerHttpClient.Response> request, Reader reader,
            Runnable atEnd) {
        Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                if (closed) {
                    return;
                }
                response = request.call();
                if (closed) {
                    return; // closed while the request was on its way
                }
                if (response.getStatusCode() / 100 == 2) {
                    reader.read(response.getBody());
                    if (!closed) {
                        atEnd.run();
                    }
                }
            } catch (Exception e) {
                // closed by us, or the engine went away: the stream ends either way
            } finally {
                close();
                done.countDown();
            }
        });
    }

    @Override
    public void awaitCompletion() throws InterruptedException {
        done.await();
    }

    @Override
    public void close() {
        closed = true;
        DockerHttpClient.Response r = response;
        if (r != null) {
            try {
                r.close();
            } catch (RuntimeException e) {
                // already closed
            }
        }
    }
}
