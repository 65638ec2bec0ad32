package dev.jcompose.kubernetes.convert;

import java.time.Duration;

/** Compose's numbers as Kubernetes writes them: CPUs, bytes and seconds. */
final class Quantities {

    private static final long KI = 1024;

    private Quantities() {
    }

    /** {@code 0.5} CPUs as {@code 500m}, {@code 2} as {@code 2}. */
    static String cpu(double cpus) {
        long milli = Math.round(cpus * 1000);
        return milli % 1000 == 0 ? Long.toString(milli / 1000) : milli + "m";
    }

    /** Bytes in the largest binary unit that divides them: {@code 64Mi}, {@code 1Gi}. */
    static String bytes(long bytes) {
        String[] units = {"", "Ki", "Mi", "Gi", "Ti"};
        int u = 0;
        long v = bytes;
        while (u < units.length - 1 && v != 0 && v % KI == 0) {
            v /= KI;
            u++;
        }
        return v + units[u];
    }

    /** Whole seconds, rounded up, at least {@code min}. */
    static int seconds(Duration d, int min) {
        long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return (int) Math.max(min, Math.min(Integer.MAX_VALUE, s));
    }
}
