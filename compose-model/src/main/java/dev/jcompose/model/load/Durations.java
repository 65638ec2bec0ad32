package dev.jcompose.model.load;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go-style durations, as compose writes them: {@code 1m30s}, {@code 500ms}, {@code 1.5h}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses a Go duration string.
     *
     * @throws IllegalArgumentException with a user-readable message when it is not one
     */
    public static Duration parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration");
        }
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(s);
        int pos = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException("\"" + text
                        + "\" is not a duration (use a number with a unit: 10s, 1m30s, 500ms)");
            }
            BigDecimal amount = new BigDecimal(m.group(1).startsWith(".")
                    ? "0" + m.group(1) : m.group(1));
            nanos = nanos.add(amount.multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            pos = m.end();
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return negative ? d.negated() : d;
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException(unit);
        };
    }

    /** Formats as Go's {@code time.Duration.String()} does: {@code 1m30s}, {@code 1h0m0s}. */
    public static String format(Duration d) {
        long n = d.toNanos();
        if (n == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        if (n < 0) {
            sb.append('-');
            n = -n;
        }
        if (n < 1_000_000_000L) {
            if (n < 1_000L) {
                return sb.append(n).append("ns").toString();
            }
            if (n < 1_000_000L) {
                return sb.append(fraction(n, 1_000L)).append("µs").toString();
            }
            return sb.append(fraction(n, 1_000_000L)).append("ms").toString();
        }
        long hours = n / 3_600_000_000_000L;
        n -= hours * 3_600_000_000_000L;
        long minutes = n / 60_000_000_000L;
        n -= minutes * 60_000_000_000L;
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            sb.append(minutes).append('m');
        }
        sb.append(fraction(n, 1_000_000_000L)).append('s');
        return sb.toString();
    }

    private static String fraction(long value, long unit) {
        BigDecimal v = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit));
        v = v.stripTrailingZeros();
        return v.scale() <= 0 ? v.toBigInteger().toString() : v.toPlainString();
    }
}
