package dev.jcompose.api;

import java.time.Duration;

/**
 * How {@link ComposeService#awaitReady} waits.
 *
 * @param timeout  the longest to wait
 * @param services only these services' containers (empty: all)
 * @param logTail  append the last lines of a failing service's log to the error
 */
public record ReadyOptions(Duration timeout, java.util.List<String> services, boolean logTail) {

    public ReadyOptions {
        services = java.util.List.copyOf(services);
    }
}
