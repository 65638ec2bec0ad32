package dev.jcompose.swarm.convert;

import com.github.dockerjava.api.model.HealthCheck;
import dev.jcompose.model.Healthcheck;
import java.util.List;

/** {@code healthcheck:}: swarm runs it in every task and holds a task in "starting" until healthy. */
public final class Healthchecks {

    private Healthchecks() {
    }

    /** The check, or null to keep the image's. {@code disable: true} is {@code [NONE]}. */
    public static HealthCheck of(Healthcheck h) {
        if (h == null) {
            return null;
        }
        if (h.disable() != null && h.disable()) {
            return new HealthCheck().withTest(List.of("NONE"));
        }
        return new HealthCheck()
                .withTest(h.test())
                .withInterval(Nanos.of(h.interval()))
                .withTimeout(Nanos.of(h.timeout()))
                .withRetries(h.retries() == null ? null : h.retries().intValue())
                .withStartPeriod(Nanos.of(h.startPeriod()))
                .withStartInterval(Nanos.of(h.startInterval()));
    }
}
