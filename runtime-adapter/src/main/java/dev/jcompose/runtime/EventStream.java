package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.jcompose.planner.engine.Subscription;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The engine's event stream, read on a thread of its own: one JSON object per event, each
 * handed to the sink as a tree. Closing the subscription closes the response, which ends the
 * reader at once (a reader left blocked on the socket would hold the JVM's exit back).
 */
final class EventStream implements Subscription {

    private final DockerHttpClient.Response response;
    private final CountDownLatch done = new CountDownLatch(1);

    EventStream(DockerHttpClient.Response response, Consumer<JsonNode> sink) {
        this.response = response;
        Thread.ofPlatform().daemon().name("jcompose-events").start(() -> {
            try {
                JsonTrees.readEach(response.getBody(), sink);
            } catch (IOException | RuntimeException e) {
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
        try {
            response.close();
        } catch (RuntimeException e) {
            // already closed
        }
    }
}
