package dev.jcompose.planner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void readsRunTogetherOnTheirOwnThreads() throws InterruptedException {
        // each read waits for the other to have started: this only ends if they overlap
        CountDownLatch both = new CountDownLatch(2);
        Background<String> a = Background.start(() -> meet(both, "a"));
        Background<String> b = Background.start(() -> meet(both, "b"));
        assertEquals("a", a.get());
        assertEquals("b", b.get());
        assertNotEquals(Thread.currentThread().getName(),
                Background.start(() -> Thread.currentThread().getName()).get());
    }

    @Test
    void aFailedReadThrowsItsOwnException() {
        EngineException.NotFound failure = new EngineException.NotFound("no such network");
        Background<String> read = Background.start(() -> {
            throw failure;
        });
        assertSame(failure, assertThrows(EngineException.NotFound.class, read::get));
    }

    private static String meet(CountDownLatch both, String value) {
        both.countDown();
        try {
            if (!both.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other read never started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return value;
    }
}
