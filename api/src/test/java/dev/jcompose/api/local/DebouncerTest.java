package dev.jcompose.api.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The debouncer on a fake clock: times are milliseconds turned into nanoseconds. */
class DebouncerTest {

    private static final long MS = 1_000_000L;

    private final Debouncer d = new Debouncer(50 * MS, 1000 * MS);

    @Test
    void nothingPendingIsNeverDue() {
        assertEquals(Long.MAX_VALUE, d.deadline());
        assertEquals(List.of(), d.poll(10_000 * MS));
    }

    @Test
    void aBatchIsDueAfterTheQuietPeriodFromTheLastChange() {
        d.add(Path.of("a"), 0);
        d.add(Path.of("b"), 30 * MS);
        assertEquals(80 * MS, d.deadline());
        assertEquals(List.of(), d.poll(79 * MS));
        assertEquals(List.of(Path.of("a"), Path.of("b")), d.poll(80 * MS));
        assertEquals(List.of(), d.poll(200 * MS), "a batch is delivered once");
        assertEquals(Long.MAX_VALUE, d.deadline());
    }

    @Test
    void aPathChangedTwiceIsInTheBatchOnceInFirstSeenOrder() {
        d.add(Path.of("b"), 0);
        d.add(Path.of("a"), 10 * MS);
        d.add(Path.of("b"), 20 * MS);
        assertEquals(List.of(Path.of("b"), Path.of("a")), d.poll(70 * MS));
    }

    @Test
    void changesWithoutPauseAreFlushedAtTheMaximumDelay() {
        long t = 0;
        for (; t <= 1500 * MS; t += 20 * MS) {
            d.add(Path.of("f" + (t / MS)), t);
            List<Path> batch = d.poll(t);
            if (!batch.isEmpty()) {
                assertEquals(1000 * MS, t, "flushed when the first change is 1 s old");
                assertEquals(51, batch.size());
                break;
            }
        }
        assertEquals(1000 * MS, t);
    }

    @Test
    void theNextBatchStartsAfresh() {
        d.add(Path.of("a"), 0);
        assertEquals(List.of(Path.of("a")), d.poll(50 * MS));
        d.add(Path.of("c"), 2000 * MS);
        assertEquals(2050 * MS, d.deadline());
        assertEquals(List.of(Path.of("c")), d.poll(2050 * MS));
    }

    @Test
    void worksAcrossTheNanoTimeWrap() {
        long start = Long.MAX_VALUE - 20 * MS;
        Debouncer w = new Debouncer(50 * MS, 1000 * MS);
        w.add(Path.of("a"), start);
        assertEquals(List.of(), w.poll(start + 49 * MS));
        assertEquals(List.of(Path.of("a")), w.poll(start + 50 * MS));
    }
}
