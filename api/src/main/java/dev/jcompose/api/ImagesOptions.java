package dev.jcompose.api;

import java.util.List;

/** Options of {@code images}: only these services' containers (empty: all). */
public record ImagesOptions(List<String> services) {

    public ImagesOptions {
        services = List.copyOf(services);
    }
}
