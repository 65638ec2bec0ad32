package dev.jcompose.runtime;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The callback for engine streams (logs, events). Two fixes over docker-java's adapter:
 * <ul>
 *   <li>A stream closed before it started (a subscriber that found what it waited for at once)
 *       is closed when it starts. docker-java's adapter forgets it, so its reader thread stayed
 *       blocked on the socket, and a JVM with a thread blocked in native code takes 300 ms longer
 *       to exit.</li>
 *   <li>A failure is kept, not logged with a stack trace (users would see it); closing a stream
 *       ourselves is not a failure at all.</li>
 * </ul>
 */
class StreamCallback<T> extends ResultCallback.Adapter<T> {

    private volatile boolean closeRequested;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    @Override
    public void onStart(Closeable stream) {
        super.onStart(stream);
        if (closeRequested) {
            try {
                stream.close();
            } catch (IOException | RuntimeException e) {
                // the stream is going away either way
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (!closeRequested) {
            failure.compareAndSet(null, throwable);
        }
        try {
            close();
        } catch (IOException e) {
            // closing a failed stream
        }
    }

    @Override
    public void close() throws IOException {
        closeRequested = true;
        super.close();
    }

    /** Why the stream ended early, if it failed rather than completed or was closed. */
    Throwable failure() {
        return failure.get();
    }
}
