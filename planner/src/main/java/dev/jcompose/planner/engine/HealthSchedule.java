package dev.jcompose.planner.engine;

import java.time.Duration;

/**
 * When a container's healthcheck runs, as the engine has it (the service's and the image's
 * settings merged, the engine's defaults for what neither sets).
 */
public record HealthSchedule(Duration interval, Duration timeout, Duration startPeriod,
        int retries) {

    /** The engine's defaults: every 30 s, 30 s for each run, 3 failures in a row. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_RETRIES = 3;

    /** The schedule with the engine's defaults for what is unset (null, zero or negative). */
    public static HealthSchedule of(Duration interval, Duration timeout, Duration startPeriod,
            Integer retries) {
        return new HealthSchedule(positive(interval) ? interval : DEFAULT_INTERVAL,
                positive(timeout) ? timeout : DEFAULT_TIMEOUT,
                positive(startPeriod) ? startPeriod : Duration.ZERO,
                retries != null && retries > 0 ? retries : DEFAULT_RETRIES);
    }

    private static boolean positive(Duration d) {
        return d != null && d.isPositive();
    }

    /**
     * The longest an engine that runs the healthcheck takes to call the container healthy or
     * unhealthy: the start period, then one run more than the retries, each an interval and a
     * timeout.
     */
    public Duration resolvesWithin() {
        return startPeriod.plus(interval.plus(timeout).multipliedBy(retries + 1L));
    }
}
