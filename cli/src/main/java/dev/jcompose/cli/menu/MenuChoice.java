package dev.jcompose.cli.menu;

import dev.jcompose.api.ComposeSwitches;
import java.util.Map;

/**
 * Whether attached {@code up} shows its interactive menu, and why not when it was asked for.
 * As compose v2 2.26: asked for by {@code --menu} (or {@code COMPOSE_MENU}, when the flag is not
 * given), shown only for an attached {@code up} whose standard output and input are terminals.
 * compose v2 turns the menu off silently when standard output is not a terminal; jcompose says
 * why when {@code --menu} itself asked for it (a standing {@code COMPOSE_MENU} stays quiet).
 *
 * @param enabled whether the menu is shown
 * @param note    why it is not, for the user, or null when there is nothing to say
 */
public record MenuChoice(boolean enabled, String note) {

    /**
     * @param flag          {@code --menu[=BOOL]}, or null when not given
     * @param environment   the process's environment ({@code COMPOSE_MENU})
     * @param attached      up stays attached (no -d, --wait, --no-start, --dry-run)
     * @param outIsTerminal standard output is a terminal
     * @param inIsTerminal  standard input is a terminal (keys can be read one by one)
     */
    public static MenuChoice of(Boolean flag, Map<String, String> environment, boolean attached,
            boolean outIsTerminal, boolean inIsTerminal) {
        if (!ComposeSwitches.menu(flag, environment)) {
            return new MenuChoice(false, null);
        }
        String why = !attached ? "up runs detached (-d, --wait, --no-start or --dry-run); the "
                + "menu is for an attached up"
                : !outIsTerminal ? "standard output is not a terminal"
                : !inIsTerminal ? "standard input is not a terminal, so keys cannot be read"
                : null;
        if (why == null) {
            return new MenuChoice(true, null);
        }
        return new MenuChoice(false, flag != null ? "no menu: " + why : null);
    }
}
