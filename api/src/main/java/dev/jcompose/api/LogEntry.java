package dev.jcompose.api;

import java.time.Instant;

/**
 * One line of a container's output.
 *
 * @param container the container's name
 * @param prefix    what compose prints before the line: {@code web-1}
 * @param stderr    the line came from standard error
 * @param timestamp when the engine received it, or null when not asked for
 */
public record LogEntry(String container, String service, String prefix, boolean stderr,
        Instant timestamp, String text) {
}
