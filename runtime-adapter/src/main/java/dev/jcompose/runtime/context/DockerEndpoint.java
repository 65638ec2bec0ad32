package dev.jcompose.runtime.context;

/**
 * The engine a command acts on, resolved as the docker CLI resolves it: the context it came
 * from ({@code default} when from {@code -H}, {@code DOCKER_HOST} or nothing), the address
 * ({@code unix://}, {@code tcp://}, {@code ssh://}), and the TLS settings for TCP addresses.
 *
 * @param context       the context's name
 * @param host          the engine's address
 * @param skipTlsVerify talk TLS without checking the engine's certificate or name
 * @param tls           the CA, client certificate and key, or null
 */
public record DockerEndpoint(String context, String host, boolean skipTlsVerify,
        TlsMaterial tls) {

    public static final String DEFAULT_CONTEXT = "default";

    /** The default context at {@code host}, without TLS. */
    public static DockerEndpoint of(String host) {
        return new DockerEndpoint(DEFAULT_CONTEXT, host, false, null);
    }

    /**
     * Whether the connection negotiates TLS: a TCP address with TLS material or with
     * verification skipped, as the docker CLI decides (sockets and SSH never do).
     */
    public boolean usesTls() {
        return host.startsWith("tcp://") && (tls != null || skipTlsVerify);
    }

    /** {@code ssh://user@host (context remote)}, for messages and {@code version}. */
    public String describe() {
        return host + (usesTls() ? skipTlsVerify ? " (TLS, not verified)" : " (TLS)" : "")
                + " (context " + context + ")";
    }
}
