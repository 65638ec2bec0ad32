package dev.jcompose.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Sizes as the docker CLI prints them (go-units): {@code 308KiB} (binary, four significant
 * digits) and {@code 1.18kB} (decimal, three), with Go's {@code %g}.
 */
final class Units {

    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB",
        "YB"};
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
        "ZiB", "YiB"};

    private Units() {
    }

    /** go-units' {@code BytesSize}: {@code 23.54GiB}. */
    static String binary(double bytes) {
        return custom(bytes, 1024.0, BINARY, 4);
    }

    /** go-units' {@code HumanSizeWithPrecision(size, 3)}: {@code 1.18kB}. */
    static String decimal(double bytes) {
        return custom(bytes, 1000.0, DECIMAL, 3);
    }

    private static String custom(double size, double base, String[] units, int precision) {
        int i = 0;
        while (size >= base && i < units.length - 1) {
            size /= base;
            i++;
        }
        return goG(size, precision) + units[i];
    }

    /** Go's {@code %.Pg}: P significant digits, no trailing zeros, exponent form when large. */
    static String goG(double v, int precision) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(precision,
                RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
            return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        return d.toPlainString();
    }
}
