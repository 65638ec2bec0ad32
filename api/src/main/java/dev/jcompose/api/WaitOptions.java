package dev.jcompose.api;

import java.util.List;

/**
 * Options of {@code wait}.
 *
 * @param services    the services whose containers to wait for
 * @param downProject remove the project (as {@code down}) once the first container stops
 * @param parallelism the most engine operations at once, for that {@code down}
 */
public record WaitOptions(List<String> services, boolean downProject, int parallelism) {

    public WaitOptions {
        services = List.copyOf(services);
    }
}
