package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.planner.engine.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stream closed right after it is opened (a wait that found its condition already met) must
 * end its reader thread: a thread left blocked on the socket makes the JVM wait 300 ms at exit
 * (docker-java's adapter lost such early closes; the event stream is jcompose's own now).
 */
class StreamCloseIT {

    private static DockerEngine engine;

    @BeforeAll
    static void start() {
        engine = DockerEngine.fromEnvironment();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void streamsClosedAtOnceEndTheirReaderThreads() throws InterruptedException {
        Map<String, String> none = Map.of("dev.jcompose.test", "stream-close-" + ProcessHandle
                .current().pid());
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Subscription s = engine.events(none, e -> { });
            s.close();
            subscriptions.add(s);
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (readerThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, readerThreads(), "event stream threads still reading");
    }

    private static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("jcompose-events") && t.isAlive())
                .count();
    }
}
