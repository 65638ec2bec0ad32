package dev.jcompose.model;

import java.time.Duration;
import java.util.List;

/**
 * {@code healthcheck:}. {@code test} is in long form: {@code [NONE]}, {@code [CMD, ...]} or
 * {@code [CMD-SHELL, command]}.
 */
public record Healthcheck(
        List<String> test,
        Duration interval,
        Duration timeout,
        Duration startPeriod,
        Duration startInterval,
        Long retries,
        Boolean disable) {

    public Healthcheck {
        test = Coll.listOrNull(test);
    }

    /** True when the healthcheck is switched off ({@code disable: true} or {@code test: [NONE]}). */
    public boolean isDisabled() {
        return (disable != null && disable)
                || (test != null && !test.isEmpty() && "NONE".equals(test.get(0)));
    }
}
