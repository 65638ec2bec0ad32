package dev.jcompose.api;

import java.util.List;

/** Options of {@code volumes}: only the volumes these services' containers mount (empty: all). */
public record VolumesOptions(List<String> services) {

    public VolumesOptions {
        services = List.copyOf(services);
    }
}
