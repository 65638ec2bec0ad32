package dev.jcompose.planner;

import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.ImageSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pull policies as docker compose reads them ({@code always}, {@code never}, {@code missing},
 * {@code build}, {@code daily}, {@code weekly}, {@code every_<duration>}): whether one asks for a
 * pull now, and the cause a plan gives for it.
 */
final class PullPolicies {

    /** The policies {@code --pull} takes. */
    static final Set<String> POLICIES = Set.of("always", "never", "missing",
            "if_not_present", "build");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|w|d|h|m|s)");

    private PullPolicies() {
    }

    static String pullCause(String policy, boolean present) {
        if (!present) {
            return "image not found locally";
        }
        return "always".equals(policy) ? "pull policy always" : "pull policy " + policy
                + ": image older than that";
    }

    /** Whether {@code policy} asks for a pull of {@code image} now. */
    static boolean mustPull(Project project, Service s, String policy,
            ObservedImages images, String image) {
        boolean present = images.present(image);
        return switch (policy) {
            case "always" -> true;
            case "never", "build" -> false;
            case "missing", "if_not_present" -> !present;
            default -> {
                Duration every = refreshInterval(policy);
                if (every == null) {
                    throw PlanException.at(project, s.name(), "pull_policy", policy
                            + " is not a pull policy (use always, never, missing, build, daily, "
                            + "weekly or every_<duration>)");
                }
                if (!present) {
                    yield true;
                }
                Instant arrived = images.get(image).map(ImageSummary::arrived).orElse(null);
                yield arrived == null || !images.at().isBefore(arrived.plus(every));
            }
        };
    }

    /**
     * How often {@code daily}, {@code weekly} and {@code every_<duration>} refresh (durations
     * like {@code 12h}, {@code 2d}, {@code 1w}, {@code 1h30m}); null for any other policy.
     */
    public static Duration refreshInterval(String policy) {
        if (policy == null) {
            return null;
        }
        switch (policy) {
            case "daily":
                return Duration.ofDays(1);
            case "weekly":
                return Duration.ofDays(7);
            default:
                break;
        }
        if (!policy.startsWith("every_")) {
            return null;
        }
        String text = policy.substring("every_".length()).toLowerCase(Locale.ROOT);
        Matcher m = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int pos = 0;
        while (pos < text.length()) {
            if (!m.find(pos) || m.start() != pos) {
                return null;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
            pos = m.end();
        }
        return pos == 0 || total.isZero() ? null : total;
    }
}
