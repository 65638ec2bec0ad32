package dev.jcompose.api;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code COMPOSE_*} switches that change how compose behaves, read once, at the edge, from
 * a project's environment (the shell and the {@code .env} file, as docker compose reads them)
 * and the command line's flags; the result goes into the options of each command.
 */
public final class ComposeSwitches {

    private ComposeSwitches() {
    }

    /**
     * Whether containers are named as docker-compose 1.x named them ({@code project_service_1}):
     * {@code --compatibility}, or {@code COMPOSE_COMPATIBILITY} true.
     */
    public static boolean compatibility(boolean flag, Map<String, String> environment) {
        return flag || truthy(environment.get("COMPOSE_COMPATIBILITY"));
    }

    /**
     * What {@code up} does with orphans: {@code --remove-orphans} or
     * {@code COMPOSE_REMOVE_ORPHANS} remove them, {@code COMPOSE_IGNORE_ORPHANS} keeps them
     * silently, else a warning.
     *
     * @throws ComposeException when COMPOSE_IGNORE_ORPHANS and --remove-orphans are combined
     */
    public static OrphanPolicy orphans(boolean removeFlag, Map<String, String> environment) {
        if (truthy(environment.get("COMPOSE_IGNORE_ORPHANS"))) {
            if (removeFlag) {
                throw new ComposeException("COMPOSE_IGNORE_ORPHANS and --remove-orphans cannot "
                        + "be combined");
            }
            return OrphanPolicy.IGNORE;
        }
        return removeFlag || truthy(environment.get("COMPOSE_REMOVE_ORPHANS"))
                ? OrphanPolicy.REMOVE : OrphanPolicy.WARN;
    }

    /**
     * Whether {@code up} was asked for its interactive menu: {@code --menu[=BOOL]} when given,
     * else {@code COMPOSE_MENU} (compose v2 2.26 reads it from the process's environment).
     */
    public static boolean menu(Boolean flag, Map<String, String> environment) {
        return flag != null ? flag : truthy(environment.get("COMPOSE_MENU"));
    }

    /** A boolean environment value as compose reads one: 1, t, true (any case). */
    static boolean truthy(String value) {
        return value != null && Set.of("1", "t", "true").contains(value.strip()
                .toLowerCase(Locale.ROOT));
    }
}
