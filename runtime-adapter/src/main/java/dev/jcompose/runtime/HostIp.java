package dev.jcompose.runtime;

/**
 * A published port's host address as the engine gives it. Podman leaves it out (its list) or
 * empty (its inspect) for a port published on every address, where Docker says 0.0.0.0.
 */
final class HostIp {

    static final String ANY = "0.0.0.0";

    private HostIp() {
    }

    /** {@code ip}, or 0.0.0.0 when the engine gave none. */
    static String of(String ip) {
        return ip == null || ip.isEmpty() ? ANY : ip;
    }
}
