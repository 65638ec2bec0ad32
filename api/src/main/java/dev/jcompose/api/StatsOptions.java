package dev.jcompose.api;

import java.util.List;

/**
 * Options of {@code stats}.
 *
 * @param services only these services' containers (empty: all)
 * @param all      also the stopped containers
 * @param stream   a reading a second until closed; false: one reading per container
 */
public record StatsOptions(List<String> services, boolean all, boolean stream) {

    public StatsOptions {
        services = List.copyOf(services);
    }
}
