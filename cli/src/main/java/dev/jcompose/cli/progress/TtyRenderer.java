package dev.jcompose.cli.progress;

import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;

/**
 * The live display for a terminal: a header and one line per resource with its state and
 * elapsed time, redrawn in place (jline's {@link Display}) as events arrive and every 100 ms,
 * fitted to the terminal's width, which is read again on every redraw (so a resize is picked
 * up). Warnings stay above the live block. {@link #close()} draws the final state and leaves the
 * cursor below it.
 *
 * <p>{@link #lines} is the whole picture as text, so it is tested without a terminal.
 */
public final class TtyRenderer implements ProgressListener, AutoCloseable {

    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

    /** One resource's line. */
    private static final class Row {
        ProgressEvent.Status status;
        String text;
        String detail = "";
        long current = -1;
        long total = -1;
        final long started;
        long ended = -1;

        Row(long now) {
            started = now;
        }
    }

    private final Terminal terminal;
    private final Display display;
    private final boolean colour;
    private final LongSupplier clock;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final long begun;
    private final Thread ticker;
    private boolean closed;

    TtyRenderer(Terminal terminal, boolean colour, LongSupplier clock) {
        this.terminal = terminal;
        this.display = terminal == null ? null : new Display(terminal, false);
        this.colour = colour;
        this.clock = clock;
        this.begun = clock.getAsLong();
        if (terminal != null) {
            ticker = Thread.ofPlatform().daemon().name("jcompose-progress").start(() -> {
                try {
                    while (true) {
                        Thread.sleep(100);
                        redraw();
                    }
                } catch (InterruptedException e) {
                    // closed
                }
            });
        } else {
            ticker = null;
        }
    }

    /** A renderer on the process's stderr terminal. */
    public static TtyRenderer onStderr(boolean colour) throws IOException {
        Terminal t = TerminalBuilder.builder().system(true)
                .systemOutput(TerminalBuilder.SystemOutput.SysErr).nativeSignals(false)
                .build();
        return new TtyRenderer(t, colour, System::nanoTime);
    }

    /** A renderer that only keeps state, for {@link #lines}. */
    static TtyRenderer detached(LongSupplier clock) {
        return new TtyRenderer(null, false, clock);
    }

    @Override
    public void on(ProgressEvent e) {
        synchronized (this) {
            if (e.parent() != null) {
                Row parent = rows.get(e.parent());
                if (parent != null && e.total() > 0) {
                    parent.detail = e.text() + " " + e.detail();
                }
                return;
            }
            if (e.status() == ProgressEvent.Status.WARNING) {
                warnings.add((e.resource().isEmpty() ? "" : e.resource() + ": ")
                        + (e.detail().isEmpty() ? e.text() : e.detail()));
            } else {
                long now = clock.getAsLong();
                Row r = rows.computeIfAbsent(e.resource(), k -> new Row(now));
                r.status = e.status();
                r.text = e.text();
                r.detail = e.detail();
                r.current = e.current();
                r.total = e.total();
                r.ended = e.status() == ProgressEvent.Status.WORKING ? -1 : now;
            }
        }
        redraw();
    }

    /** The display as lines of plain text, {@code width} columns at most. */
    public synchronized List<String> lines(int width) {
        long now = clock.getAsLong();
        List<String> out = new ArrayList<>();
        warnings.forEach(w -> out.add(fit("WARN " + w, width)));
        long done = rows.values().stream()
                .filter(r -> r.status != ProgressEvent.Status.WORKING).count();
        boolean failed = rows.values().stream()
                .anyMatch(r -> r.status == ProgressEvent.Status.ERROR);
        boolean running = done < rows.size();
        if (!rows.isEmpty()) {
            out.add(fitRight("[+] " + (running ? "Running" : failed ? "Failed" : "Done") + " "
                    + done + "/" + rows.size(), String.format("%.1fs", (now - begun) / 1e9),
                    width));
        }
        int nameWidth = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        int frame = (int) ((now - begun) / 100_000_000L) % SPINNER.length;
        for (var e : rows.entrySet()) {
            Row r = e.getValue();
            String mark = switch (r.status) {
                case WORKING -> SPINNER[frame];
                case DONE -> "✔";
                case ERROR -> "✘";
                case WARNING -> "!";
            };
            long end = r.ended >= 0 ? r.ended : now;
            String state = r.text + (r.status != ProgressEvent.Status.DONE && !r.detail.isEmpty()
                    ? ": " + r.detail : "");
            String elapsed = String.format("%.1fs", (end - r.started) / 1e9);
            String left = " " + mark + " " + pad(e.getKey(), nameWidth) + "  " + state;
            out.add(fitRight(left, elapsed, width));
        }
        return out;
    }

    private void redraw() {
        if (display == null) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            Size size = terminal.getSize();
            int width = size.getColumns() > 0 ? size.getColumns() : 80;
            // one column short of the edge: a full line would leave the cursor in the
            // terminal's pending-wrap state, which terminals treat differently
            List<String> lines = lines(width - 1);
            // a terminal that does not tell its height (0) gets room for every line
            display.resize(size.getRows() > 0 ? size.getRows() : lines.size() + 1, width);
            List<AttributedString> styled = new ArrayList<>();
            for (String line : lines) {
                styled.add(style(line));
            }
            display.update(styled, -1);
            terminal.flush();
        }
    }

    private AttributedString style(String line) {
        if (!colour) {
            return new AttributedString(line);
        }
        String trimmed = line.stripLeading();
        int code = trimmed.startsWith("✔") ? 32 : trimmed.startsWith("✘") ? 31
                : line.startsWith("WARN") ? 33 : trimmed.startsWith("[+]") ? 1 : 36;
        return AttributedString.fromAnsi("\u001b[" + code + "m" + line + "\u001b[0m");
    }

    @Override
    public void close() {
        if (display == null) {
            return;
        }
        if (ticker != null) {
            ticker.interrupt();
        }
        redraw();
        synchronized (this) {
            closed = true;
            PrintWriter w = terminal.writer();
            w.println();
            w.flush();
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // the terminal is going away with the process
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }

    /** {@code left} and {@code right} on one line, {@code right} flush with the edge. */
    private static String fitRight(String left, String right, int width) {
        int room = width - right.length() - 1;
        if (room < 10) {
            return fit(left, width);
        }
        String l = left.length() > room ? left.substring(0, room - 1) + "…" : left;
        return l + " ".repeat(Math.max(1, width - l.length() - right.length())) + right;
    }
}
