package dev.jcompose.cli.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.ComposeException;
import dev.jcompose.api.EventSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** The menu's keys and lines, without a terminal: watch started and stopped by a fake. */
class MenuControlTest {

    private final List<String> calls = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();

    private final WatchToggle watch = new WatchToggle(() -> {
        calls.add("watch started");
        return new EventSubscription() {
            @Override
            public void awaitCompletion() {
            }

            @Override
            public void close() {
                calls.add("watch stopped");
            }
        };
    });

    private MenuControl control(String watchUnavailable) {
        return new MenuControl(watch, watchUnavailable, () -> calls.add("detach"),
                () -> calls.add("interrupt"), clock::get);
    }

    private static List<String> text(List<AttributedString> lines) {
        return lines.stream().map(AttributedString::toString).toList();
    }

    @Test
    void keysAreComposeV2s() {
        assertEquals(MenuControl.Key.WATCH, MenuControl.Key.of('w'));
        assertEquals(MenuControl.Key.DETACH, MenuControl.Key.of('d'));
        assertEquals(MenuControl.Key.VIEW, MenuControl.Key.of('v'));
        assertEquals(MenuControl.Key.INTERRUPT, MenuControl.Key.of(3));
        assertEquals(MenuControl.Key.REDRAW, MenuControl.Key.of('\r'));
        assertEquals(MenuControl.Key.OTHER, MenuControl.Key.of('x'));
        assertEquals(MenuControl.Key.OTHER, MenuControl.Key.of('W'));
    }

    @Test
    void wTurnsWatchOnAndOffAndTheMenuSaysWhichItDoesNext() {
        MenuControl menu = control(null);
        assertEquals(List.of("w Enable Watch   d Detach"), text(menu.lines()));
        assertTrue(menu.press('w'));
        assertTrue(watch.watching());
        assertEquals(List.of("w Disable Watch   d Detach"), text(menu.lines()));
        assertTrue(menu.press('w'));
        assertFalse(watch.watching());
        assertEquals(List.of("watch started", "watch stopped"), calls);
        assertEquals(List.of("w Enable Watch   d Detach"), text(menu.lines()));
    }

    @Test
    void dDetachesCtrlCInterruptsOtherKeysDoNothing() {
        MenuControl menu = control(null);
        assertFalse(menu.press('x'));
        assertTrue(menu.press('d'));
        assertTrue(menu.press(3));
        assertTrue(menu.press('\n'));
        assertEquals(List.of("detach", "interrupt"), calls);
    }

    @Test
    void aKeyThatCannotWorkSaysWhyAboveTheMenuForTenSeconds() {
        MenuControl menu = control(MenuControl.NOT_CONFIGURED);
        assertTrue(menu.press('w'));
        assertFalse(watch.watching());
        assertEquals(List.of("Watch →  Watch is not yet configured. Learn more: "
                + "https://docs.docker.com/compose/file-watch/", "w Enable Watch   d Detach"),
                text(menu.lines()));
        clock.addAndGet(TimeUnit.SECONDS.toNanos(9));
        assertTrue(menu.showsError());
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertFalse(menu.showsError());
        assertEquals(List.of("w Enable Watch   d Detach"), text(menu.lines()));
        menu.press('v');
        assertEquals("View →  Docker Desktop is not available: jcompose has no Docker Desktop "
                + "integration", text(menu.lines()).get(0));
        assertTrue(calls.isEmpty(), calls.toString());
    }

    @Test
    void aWatchThatFailsToStartStaysOffAndSaysWhy() {
        WatchToggle failing = new WatchToggle(() -> {
            throw new ComposeException("none of the selected services is configured for watch");
        });
        MenuControl menu = new MenuControl(failing, null, () -> { }, () -> { }, clock::get);
        menu.press('w');
        assertFalse(failing.watching());
        assertEquals("Watch →  none of the selected services is configured for watch",
                text(menu.lines()).get(0));
    }

    @Test
    void theKeysAreDrawnAsComposeV2DrawsThem() {
        // the key black on white and bold, its words faint
        AttributedString line = control(null).lines().get(0);
        assertEquals(AttributedStyle.BOLD.foreground(AttributedStyle.BLACK)
                .background(AttributedStyle.WHITE), line.styleAt(0));
        assertEquals(AttributedStyle.DEFAULT.faint(), line.styleAt(1));
        assertEquals(AttributedStyle.BOLD.foreground(AttributedStyle.BLACK)
                .background(AttributedStyle.WHITE), line.styleAt(line.toString().indexOf('d')));
    }
}
