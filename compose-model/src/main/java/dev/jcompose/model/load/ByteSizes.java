package dev.jcompose.model.load;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes as compose reads them: {@code 512m}, {@code 1gb}, {@code 1.5g}, {@code 1024}. */
public final class ByteSizes {

    private static final Pattern SIZE =
            Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kmgtp])?i?b?$", Pattern.CASE_INSENSITIVE);

    private ByteSizes() {
    }

    /**
     * Parses a size in bytes, binary units ({@code 1k} = 1024).
     *
     * @throws IllegalArgumentException with a user-readable message when it is not one
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text
                    + "\" is not a byte size (use a number with an optional unit: 512m, 1g, 100k)");
        }
        long multiplier = 1;
        if (m.group(2) != null) {
            multiplier = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 1L << 10;
                case "m" -> 1L << 20;
                case "g" -> 1L << 30;
                case "t" -> 1L << 40;
                case "p" -> 1L << 50;
                default -> 1;
            };
        }
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(multiplier)).longValue();
    }
}
