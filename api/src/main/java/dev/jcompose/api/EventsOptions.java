package dev.jcompose.api;

import java.util.List;

/** Options of {@code events}: only these services' events (empty: all). */
public record EventsOptions(List<String> services) {

    public EventsOptions {
        services = List.copyOf(services);
    }
}
