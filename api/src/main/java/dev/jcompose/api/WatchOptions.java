package dev.jcompose.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@code watch}.
 *
 * @param services    the services watched (empty: every service with {@code develop.watch})
 * @param noUp        watch only: do not build and start the services first
 * @param prune       after a rebuild, remove the image the service ran before when no longer
 *                    used
 * @param quietPeriod how long no change must come before a batch of changes is acted on
 * @param maxDelay    the longest a change waits while others keep coming
 */
public record WatchOptions(List<String> services, boolean noUp, boolean prune,
        Duration quietPeriod, Duration maxDelay) {

    /** The quiet period: long enough to gather an editor's save or a checkout, short to wait. */
    public static final Duration QUIET_PERIOD = Duration.ofMillis(50);

    /** The longest a change waits for the quiet period. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(1);

    public WatchOptions {
        services = List.copyOf(services);
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        Objects.requireNonNull(maxDelay, "maxDelay");
    }

    /** Every watched service, started first, the default timing. */
    public static WatchOptions defaults() {
        return new WatchOptions(List.of(), false, false, QUIET_PERIOD, MAX_DELAY);
    }

    /** The {@code up} run before watching unless {@code noUp}: the services built and started. */
    public UpOptions up() {
        return UpOptions.builder().services(services).build(BuildPolicy.ALWAYS).build();
    }

    public WatchOptions withServices(List<String> names) {
        return new WatchOptions(names, noUp, prune, quietPeriod, maxDelay);
    }

    public WatchOptions withNoUp(boolean on) {
        return new WatchOptions(services, on, prune, quietPeriod, maxDelay);
    }

    public WatchOptions withPrune(boolean on) {
        return new WatchOptions(services, noUp, on, quietPeriod, maxDelay);
    }

    public WatchOptions withQuietPeriod(Duration period) {
        return new WatchOptions(services, noUp, prune, period, maxDelay);
    }
}
