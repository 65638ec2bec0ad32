package dev.jcompose.api;

import java.net.URI;

/**
 * Where a test reaches a service's port from the host: the host name and the published port the
 * engine chose (or the one the compose file fixed).
 *
 * <pre>{@code
 * Endpoint db = project.endpoint("db", 5432);
 * String url = "jdbc:postgresql://" + db + "/app";   // localhost:49153
 * URI web = project.endpoint("web", 8080).uri("http");  // http://localhost:49154
 * }</pre>
 *
 * @param host the host to connect to: {@code localhost} for a local engine, the engine's host
 *             for a remote one ({@code DOCKER_HOST=tcp://...}), or the address the port is bound
 *             to when the file binds a specific one
 * @param port the published port on that host
 */
public record Endpoint(String host, int port) {

    public Endpoint {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("an endpoint needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code scheme://host:port}, for example {@code http://localhost:49154}. */
    public URI uri(String scheme) {
        return URI.create(scheme + "://" + hostForUri() + ":" + port);
    }

    /** {@code host:port}; IPv6 addresses in brackets. */
    @Override
    public String toString() {
        return hostForUri() + ":" + port;
    }

    private String hostForUri() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
