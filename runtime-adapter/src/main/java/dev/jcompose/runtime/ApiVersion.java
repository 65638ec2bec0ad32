package dev.jcompose.runtime;

/**
 * Docker Engine API versions ({@code 1.41}, {@code 1.44}) and the engine releases that
 * brought them, as compose v2 names them in its messages.
 */
final class ApiVersion {

    /** Docker Engine 25: several networks at create, per-endpoint MAC, start_interval. */
    static final String V1_44 = "1.44";
    /** Docker Engine 28.1: an endpoint's interface name. */
    static final String V1_49 = "1.49";

    private ApiVersion() {
    }

    /** Compares dotted versions number by number ({@code 1.9 < 1.41}); a missing part is 0. */
    static int compare(String a, String b) {
        String[] x = a.strip().split("\\.");
        String[] y = b.strip().split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(part(x, i), part(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int part(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        String digits = parts[i].replaceFirst("\\D.*$", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
