package dev.jcompose.api;

import java.util.List;

/**
 * Options of {@code ps}.
 *
 * @param all      include stopped containers
 * @param services only these services (empty: all)
 */
public record PsOptions(boolean all, List<String> services) {

    public PsOptions {
        services = List.copyOf(services);
    }
}
