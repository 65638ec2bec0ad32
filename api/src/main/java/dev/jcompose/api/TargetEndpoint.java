package dev.jcompose.api;

/**
 * Where a target's engine is: the context it comes from, its address ({@code unix://},
 * {@code tcp://}, {@code ssh://}) and whether the connection uses TLS, verified or not.
 *
 * @param context     the context's name
 * @param address     the engine's address
 * @param tls         the connection negotiates TLS
 * @param tlsVerified the engine's certificate and name are checked
 */
public record TargetEndpoint(String context, String address, boolean tls, boolean tlsVerified) {

    /** The address, with {@code (TLS)} or {@code (TLS, not verified)} after it when it applies. */
    public String describe() {
        return address + (tls ? tlsVerified ? " (TLS)" : " (TLS, not verified)" : "");
    }
}
