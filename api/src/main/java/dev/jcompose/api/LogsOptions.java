package dev.jcompose.api;

import java.time.Instant;
import java.util.List;

/**
 * Options of {@code logs}.
 *
 * @param services   only these services (empty: all)
 * @param follow     keep streaming, including containers that start later
 * @param tail       the number of last lines per container, or -1 for all
 * @param since      only lines after this instant, or null
 * @param until      only lines before this instant, or null
 * @param timestamps read the engine's timestamps
 */
public record LogsOptions(List<String> services, boolean follow, int tail, Instant since,
        Instant until, boolean timestamps) {

    public LogsOptions {
        services = List.copyOf(services);
    }

    public static LogsOptions all() {
        return new LogsOptions(List.of(), false, -1, null, null, false);
    }
}
