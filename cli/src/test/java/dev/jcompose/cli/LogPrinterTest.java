package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.LogEntry;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link LogPrinter} writes a burst of lines in large writes, yet a line after a quiet spell at
 * once, a burst's tail within milliseconds, and a container's standard output and error in the
 * order they came.
 */
class LogPrinterTest {

    /** What reached the terminal, in order: text is "delivered" only when flushed. */
    private static final class Terminal {
        final List<String> delivered = new ArrayList<>();
        final List<String> lines = new ArrayList<>();

        synchronized void deliver(String stream, String text) {
            if (!text.isEmpty()) {
                delivered.add(stream + ":" + text);
                text.lines().forEach(l -> lines.add(stream + ":" + l));
            }
        }

        synchronized String all() {
            return String.join("", delivered);
        }

        synchronized int writes() {
            return delivered.size();
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }
    }

    private static PrintWriter stream(Terminal terminal, String name) {
        return new PrintWriter(new Writer() {
            private final StringBuilder pending = new StringBuilder();

            @Override
            public void write(char[] buf, int off, int len) {
                pending.append(buf, off, len);
            }

            @Override
            public void flush() {
                terminal.deliver(name, pending.toString());
                pending.setLength(0);
            }

            @Override
            public void close() {
                flush();
            }
        });
    }

    private static LogEntry line(boolean stderr, String text) {
        return new LogEntry("p-web-1", "web", "web-1", stderr, null, text);
    }

    @Test
    void aLineAfterAQuietSpellIsWrittenAtOnce() {
        Terminal terminal = new Terminal();
        AtomicLong nanos = new AtomicLong();
        LogPrinter printer = new LogPrinter(stream(terminal, "out"), false, false)
                .clock(nanos::get);
        printer.print(line(false, "first"));
        assertEquals("out:first\n", terminal.all());
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(11)); // quieter than a burst's 10 ms
        printer.print(line(false, "after a while"));
        assertEquals("out:first\nout:after a while\n", terminal.all());
    }

    @Test
    void aBurstIsWrittenTogetherAndItsTailSoonAfter() throws InterruptedException {
        Terminal terminal = new Terminal();
        // a clock that stands still: every line is within the burst, however slow the machine
        LogPrinter printer = new LogPrinter(stream(terminal, "out"), false, false)
                .clock(() -> 0L);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            printer.print(line(false, "line " + i));
            expected.append("line ").append(i).append('\n');
        }
        // the tail is written by the flusher thread within 10 ms: wait for it, 5 s at most
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!terminal.all().replace("out:", "").contentEquals(expected)
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected.toString(), terminal.all().replace("out:", ""));
        assertTrue(terminal.writes() < 100, "1000 lines in " + terminal.writes() + " writes");
    }

    @Test
    void standardOutputAndErrorKeepTheirOrder() {
        Terminal terminal = new Terminal();
        LogPrinter printer = new LogPrinter(stream(terminal, "out"), true, false)
                .errorsTo(stream(terminal, "err"));
        printer.print(line(false, "one"));
        printer.print(line(false, "two"));
        printer.print(line(true, "three"));
        printer.print(line(false, "four"));
        printer.status("web-1", "exited with code 0");
        printer.flush();
        assertEquals(List.of("out:web-1  | one", "out:web-1  | two", "err:web-1  | three",
                "out:web-1  | four", "out:web-1 exited with code 0"), terminal.lines());
    }
}
