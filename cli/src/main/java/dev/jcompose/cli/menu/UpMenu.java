package dev.jcompose.cli.menu;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.utils.AttributedString;

/**
 * Attached {@code up}'s menu while it runs: the keys go to {@link MenuControl}, whose lines are
 * drawn at the bottom of the terminal after each key and whenever they change (an error that
 * expires, watch turned on), and again when the terminal's size changes.
 */
public final class UpMenu implements AutoCloseable {

    private final MenuScreen screen;
    private final MenuControl control;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("jcompose-menu").unstarted(r));
    private List<AttributedString> drawn = List.of();

    private UpMenu(MenuScreen screen, MenuControl control) {
        this.screen = screen;
        this.control = control;
    }

    /**
     * Shows the menu on the process's terminal; output written to {@code out} scrolls above it.
     *
     * @throws IOException when the terminal cannot be put in raw mode
     */
    public static UpMenu start(PrintWriter out, MenuControl control) throws IOException {
        UpMenu menu = new UpMenu(MenuScreen.open(out), control);
        menu.redraw(true);
        menu.screen.listen(ch -> {
            if (control.press(ch)) {
                menu.redraw(true);
            }
        });
        menu.ticks.scheduleWithFixedDelay(() -> menu.redraw(false), 500, 500,
                TimeUnit.MILLISECONDS);
        return menu;
    }

    /** Whether the terminal shows the menu (not on a terminal without a scroll region). */
    public boolean visible() {
        return screen.canDraw();
    }

    private synchronized void redraw(boolean always) {
        List<AttributedString> lines = control.lines();
        if (always || !lines.equals(drawn) || screen.resized()) {
            drawn = lines;
            screen.draw(lines);
        }
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        screen.close();
    }
}
