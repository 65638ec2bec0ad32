package dev.jcompose.cli.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When up shows its menu, as compose v2 2.26 decides, and what jcompose says when it does not. */
class MenuChoiceTest {

    private static final Map<String, String> NONE = Map.of();

    @Test
    void offUnlessAskedForByTheFlagOrComposeMenu() {
        assertEquals(new MenuChoice(false, null), MenuChoice.of(null, NONE, true, true, true));
        assertEquals(new MenuChoice(true, null), MenuChoice.of(true, NONE, true, true, true));
        assertEquals(new MenuChoice(true, null),
                MenuChoice.of(null, Map.of("COMPOSE_MENU", "1"), true, true, true));
        assertEquals(new MenuChoice(false, null),
                MenuChoice.of(null, Map.of("COMPOSE_MENU", "false"), true, true, true));
        // the flag wins over the environment, both ways
        assertEquals(new MenuChoice(false, null),
                MenuChoice.of(false, Map.of("COMPOSE_MENU", "true"), true, true, true));
        assertEquals(new MenuChoice(true, null),
                MenuChoice.of(true, Map.of("COMPOSE_MENU", "false"), true, true, true));
    }

    @Test
    void withoutATerminalOrDetachedThereIsNoMenuAndTheFlagIsToldWhy() {
        assertEquals(new MenuChoice(false, "no menu: standard output is not a terminal"),
                MenuChoice.of(true, NONE, true, false, true));
        assertEquals(new MenuChoice(false, "no menu: standard input is not a terminal, so keys "
                + "cannot be read"), MenuChoice.of(true, NONE, true, true, false));
        assertEquals(new MenuChoice(false, "no menu: up runs detached (-d, --wait, --no-start "
                + "or --dry-run); the menu is for an attached up"),
                MenuChoice.of(true, NONE, false, true, true));
        // a standing COMPOSE_MENU stays quiet, as compose v2 is
        assertEquals(new MenuChoice(false, null),
                MenuChoice.of(null, Map.of("COMPOSE_MENU", "true"), true, false, true));
    }
}
