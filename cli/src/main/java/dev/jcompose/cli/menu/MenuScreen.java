package dev.jcompose.cli.menu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;
import org.jline.utils.Status;

/**
 * The menu on the real terminal: keys read one by one (the terminal in raw mode, signals left
 * on, so Ctrl-C stays a SIGINT), and the menu kept on the terminal's last lines by jline's
 * {@link Status} (a scroll region: the output scrolls above it). The status is drawn into a
 * buffer and written to {@code out} in one write, so it never lands inside a log line that
 * another thread writes to the same stream.
 */
public final class MenuScreen implements AutoCloseable {

    private final Terminal terminal;
    private final Attributes saved;
    private final PrintWriter out;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Terminal canvas;
    private final Status status;
    private volatile boolean open = true;
    private Thread reader;

    private MenuScreen(Terminal terminal, PrintWriter out) throws IOException {
        this.terminal = terminal;
        this.out = out;
        this.saved = terminal.enterRawMode();
        // a terminal of the same type that writes at once into the buffer (no pty between)
        this.canvas = new DumbTerminal("jcompose-menu", terminal.getType(),
                InputStream.nullInputStream(), buffer, StandardCharsets.UTF_8);
        canvas.setSize(terminal.getSize());
        this.status = new Status(canvas);
    }

    /** The process's terminal, keys read from it and the menu drawn through {@code out}. */
    public static MenuScreen open(PrintWriter out) throws IOException {
        Terminal t = TerminalBuilder.builder().system(true).nativeSignals(false).build();
        try {
            return new MenuScreen(t, out);
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    /**
     * Whether the terminal can keep a line at its bottom (a scroll region; not on
     * {@code TERM=dumb}). Without it keys still work, but nothing is drawn.
     */
    public boolean canDraw() {
        return Stream.of(Capability.change_scroll_region, Capability.save_cursor,
                Capability.restore_cursor, Capability.cursor_address)
                .allMatch(c -> canvas.getStringCapability(c) != null);
    }

    /** Whether the terminal's size changed since the menu was last drawn. */
    public boolean resized() {
        Size size = terminal.getSize();
        return size.getRows() > 0 && !size.equals(canvas.getSize());
    }

    /** Draws {@code lines} at the bottom of the terminal, replacing what was there. */
    public synchronized void draw(List<AttributedString> lines) {
        if (!open) {
            return;
        }
        Size size = terminal.getSize();
        if (size.getRows() > 0 && !size.equals(canvas.getSize())) {
            canvas.setSize(size);
            status.resize(size);
        }
        status.update(lines);
        flushCanvas();
    }

    private void flushCanvas() {
        canvas.flush();
        if (buffer.size() > 0) {
            out.write(buffer.toString(StandardCharsets.UTF_8));
            out.flush();
            buffer.reset();
        }
    }

    /** Reads keys on a thread of its own and gives each to {@code onKey}, until closed. */
    public void listen(IntConsumer onKey) {
        NonBlockingReader in = terminal.reader();
        reader = Thread.ofPlatform().daemon().name("jcompose-menu-keys").start(() -> {
            try {
                while (open) {
                    int ch = in.read(100);
                    if (ch == NonBlockingReader.EOF) {
                        return;
                    }
                    if (ch >= 0 && open) {
                        onKey.accept(ch);
                    }
                }
            } catch (IOException e) {
                // the terminal went away: no more keys
            }
        });
    }

    /** Takes the menu off the screen and gives the terminal back as it was. */
    @Override
    public void close() {
        synchronized (this) {
            if (!open) {
                return;
            }
            status.hide();
            status.close();
            flushCanvas();
            open = false;
        }
        try {
            if (reader != null && reader != Thread.currentThread()) {
                reader.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the process's terminal is given back as it was but not closed: closing it ends
        // jline's pump threads with a stack trace, and the process ends soon after
        terminal.setAttributes(saved);
        try {
            canvas.close();
        } catch (IOException e) {
            // a buffer: nothing to give back
        }
    }
}
