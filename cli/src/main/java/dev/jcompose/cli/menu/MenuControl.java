package dev.jcompose.cli.menu;

import dev.jcompose.api.ComposeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * What the menu's keys do and what it shows, as compose v2's: {@code w} turns watch on or off,
 * {@code d} detaches (compose v2 from 5.0; up returns, the containers keep running), {@code v}
 * would open Docker Desktop (there is none here: it says so), Enter draws the menu again and
 * Ctrl-C stops as it does without the menu. A key that fails shows why above the menu line for
 * 10 seconds, as compose v2 shows it.
 */
public final class MenuControl {

    /** How long a key's error stays above the menu. */
    static final long ERROR_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** compose v2's answer to {@code w} when no selected service has develop.watch. */
    public static final String NOT_CONFIGURED = "Watch is not yet configured. Learn more: "
            + "https://docs.docker.com/compose/file-watch/";

    /** What a key means. */
    public enum Key {
        VIEW, WATCH, DETACH, INTERRUPT, REDRAW, OTHER;

        /** The key a character read from the terminal stands for. */
        public static Key of(int ch) {
            return switch (ch) {
                case 'v' -> VIEW;
                case 'w' -> WATCH;
                case 'd' -> DETACH;
                case 3 -> INTERRUPT;
                case '\r', '\n' -> REDRAW;
                default -> OTHER;
            };
        }
    }

    private final WatchToggle watch;
    private final String watchUnavailable;
    private final Runnable detach;
    private final Runnable interrupt;
    private final LongSupplier clock;
    private String error;
    private long errorAt;

    /**
     * @param watchUnavailable why watch cannot be turned on (no develop.watch, --no-build), or
     *                         null when it can
     * @param detach           stops following the output: up returns, the containers keep
     *                         running
     * @param interrupt        as a first Ctrl-C: the containers are stopped gracefully
     */
    public MenuControl(WatchToggle watch, String watchUnavailable, Runnable detach,
            Runnable interrupt, LongSupplier clock) {
        this.watch = watch;
        this.watchUnavailable = watchUnavailable;
        this.detach = detach;
        this.interrupt = interrupt;
        this.clock = clock;
    }

    /**
     * Does what {@code ch} says.
     *
     * @return whether the menu must be drawn again
     */
    public boolean press(int ch) {
        switch (Key.of(ch)) {
            case VIEW -> fail("View", "Docker Desktop is not available: jcompose has no "
                    + "Docker Desktop integration");
            case WATCH -> toggleWatch();
            case DETACH -> detach.run();
            case INTERRUPT -> interrupt.run();
            case REDRAW -> { }
            case OTHER -> {
                return false;
            }
        }
        return true;
    }

    private void toggleWatch() {
        if (watchUnavailable != null) {
            fail("Watch", watchUnavailable);
            return;
        }
        try {
            watch.toggle();
        } catch (ComposeException e) {
            fail("Watch", e.getMessage());
        }
    }

    private synchronized void fail(String what, String message) {
        error = what + " →  " + message;
        errorAt = clock.getAsLong();
    }

    /** Whether an error is shown now (the menu is drawn again when it expires). */
    public synchronized boolean showsError() {
        return error != null && clock.getAsLong() - errorAt < ERROR_NANOS;
    }

    /** The lines at the bottom of the terminal: the latest error while shown, the keys. */
    public List<AttributedString> lines() {
        List<AttributedString> out = new ArrayList<>();
        if (showsError()) {
            String[] parts;
            synchronized (this) {
                parts = error.split(" →  ", 2);
            }
            out.add(new AttributedStringBuilder()
                    .append(parts[0] + " →", AttributedStyle.BOLD.foreground(
                            AttributedStyle.CYAN))
                    .append("  " + parts[1]).toAttributedString());
        }
        AttributedStringBuilder menu = new AttributedStringBuilder();
        key(menu, "w", (watch.watching() ? " Disable" : " Enable") + " Watch");
        menu.append("   ", AttributedStyle.DEFAULT.faint());
        key(menu, "d", " Detach");
        out.add(menu.toAttributedString());
        return out;
    }

    private static void key(AttributedStringBuilder b, String key, String text) {
        b.append(key, AttributedStyle.BOLD.foreground(AttributedStyle.BLACK)
                .background(AttributedStyle.WHITE));
        b.append(text, AttributedStyle.DEFAULT.faint());
    }
}
