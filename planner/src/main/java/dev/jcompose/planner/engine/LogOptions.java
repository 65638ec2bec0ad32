package dev.jcompose.planner.engine;

import java.time.Instant;

/**
 * What part of a container's log to read.
 *
 * @param follow     keep reading until the container stops or the subscription is closed
 * @param tail       the number of last lines, or -1 for all
 * @param since      only lines after this instant, or null
 * @param until      only lines before this instant, or null
 * @param timestamps ask the engine for timestamps
 */
public record LogOptions(boolean follow, int tail, Instant since, Instant until,
        boolean timestamps) {

    public static final LogOptions ALL = new LogOptions(false, -1, null, null, false);
}
