package dev.jcompose.api;

import java.util.List;

/** Options of {@code top}: only these services' running containers (empty: all). */
public record TopOptions(List<String> services) {

    public TopOptions {
        services = List.copyOf(services);
    }
}
