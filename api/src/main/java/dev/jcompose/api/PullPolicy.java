package dev.jcompose.api;

import java.util.Locale;

/** When {@code up} pulls the images of services without {@code build} ({@code --pull}). */
public enum PullPolicy {
    /** each service's {@code pull_policy} (the default: missing) */
    SERVICE,
    /** when the image is not present locally */
    MISSING,
    /** every time */
    ALWAYS,
    /** never: a missing image is an error */
    NEVER;

    /** {@code always}, {@code missing} or {@code never}; anything else is refused. */
    public static PullPolicy of(String policy) {
        return switch (policy) {
            case "always" -> ALWAYS;
            case "missing" -> MISSING;
            case "never" -> NEVER;
            default -> throw new IllegalArgumentException("pull policy must be missing, always "
                    + "or never, not \"" + policy + "\"");
        };
    }

    /** As {@code --pull} names it, or null for {@link #SERVICE}. */
    public String flag() {
        return this == SERVICE ? null : name().toLowerCase(Locale.ROOT);
    }
}
