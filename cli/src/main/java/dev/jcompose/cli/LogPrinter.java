package dev.jcompose.cli;

import dev.jcompose.api.LogEntry;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints log entries as {@code web-1  | line}: prefixes padded to the longest one known, and
 * on a colour terminal each container's prefix in its own colour, as docker compose does. A
 * container's standard error goes to jcompose's, its standard output to jcompose's.
 */
final class LogPrinter {

    /** The prefix colours, in the order containers are first seen (ANSI foreground codes). */
    private static final int[] COLOURS = {36, 33, 32, 35, 34, 96, 93, 92, 95, 94};

    private final PrintWriter out;
    private PrintWriter err;
    private final boolean prefix;
    private final boolean timestamps;
    private final boolean colour;
    private int width;
    private final Map<String, Integer> colourOf = new HashMap<>();

    /** Lines closer together than this are written out together. */
    private static final long BURST_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Flushes what a burst left buffered; one daemon thread, busy only during bursts. */
    private static final ScheduledExecutorService FLUSHER =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jcompose-log-flush");
                t.setDaemon(true);
                return t;
            });

    private PrintWriter last;
    private LongSupplier clock = System::nanoTime;
    private long flushedAt = clock.getAsLong() - BURST_NANOS - 1;
    private boolean flushScheduled;

    LogPrinter(PrintWriter out, boolean prefix, boolean timestamps) {
        this(out, prefix, timestamps, false, 0);
    }

    /**
     * @param width the width prefixes are padded to (the longest prefix; grows when a longer
     *              one turns up)
     */
    LogPrinter(PrintWriter out, boolean prefix, boolean timestamps, boolean colour, int width) {
        this.out = out;
        this.err = out;
        this.prefix = prefix;
        this.timestamps = timestamps;
        this.colour = colour;
        this.width = width;
    }

    /** Measures quiet spells by {@code nanos} instead of the system's clock (tests). */
    synchronized LogPrinter clock(LongSupplier nanos) {
        clock = nanos;
        flushedAt = nanos.getAsLong() - BURST_NANOS - 1;
        return this;
    }

    /** Lines a container wrote to its standard error go to {@code err}. */
    LogPrinter errorsTo(PrintWriter err) {
        this.err = err;
        return this;
    }

    synchronized void print(LogEntry e) {
        StringBuilder sb = new StringBuilder();
        if (prefix) {
            String p = e.prefix();
            width = Math.max(width, p.length());
            String padded = p + " ".repeat(width - p.length() + 1) + " | ";
            if (colour) {
                int c = colourOf.computeIfAbsent(p, k -> COLOURS[colourOf.size()
                        % COLOURS.length]);
                sb.append("\u001b[").append(c).append('m').append(padded).append("\u001b[0m");
            } else {
                sb.append(padded);
            }
        }
        if (timestamps && e.timestamp() != null) {
            sb.append(e.timestamp()).append(' ');
        }
        sb.append(e.text());
        PrintWriter to = switchTo(e.stderr() ? err : out);
        to.write(sb.append(System.lineSeparator()).toString()); // println would flush
        long now = clock.getAsLong();
        if (now - flushedAt > BURST_NANOS) {
            flush(); // a line after a quiet spell goes out at once
        } else if (!flushScheduled) {
            // in a burst (logs of a busy or finished container), lines go out in ~8 KB writes,
            // flushed within BURST_NANOS, instead of one write per line
            flushScheduled = true;
            FLUSHER.schedule(this::flush, BURST_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * {@code to}, once the other stream's buffered lines are written out: standard output and
     * error stay in the order they came on a terminal.
     */
    private PrintWriter switchTo(PrintWriter to) {
        if (last != null && last != to) {
            last.flush();
        }
        last = to;
        return to;
    }

    /** Writes out whatever is buffered. */
    synchronized void flush() {
        flushScheduled = false;
        flushedAt = clock.getAsLong();
        out.flush();
        if (err != out) {
            err.flush();
        }
    }

    /** A line about a container rather than from it: {@code web-1 exited with code 0}. */
    synchronized void status(String prefix, String message) {
        String p = colour ? "\u001b[" + colourOf.computeIfAbsent(prefix, k -> COLOURS[
                colourOf.size() % COLOURS.length]) + "m" + prefix + "\u001b[0m" : prefix;
        switchTo(out).println(p + " " + message);
        flush();
    }
}
