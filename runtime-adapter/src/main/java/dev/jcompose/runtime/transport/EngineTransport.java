package dev.jcompose.runtime.transport;

import dev.jcompose.runtime.context.DockerEndpoint;
import dev.jcompose.runtime.context.EndpointException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the HTTP client reaches an endpoint: sockets and plain TCP directly; {@code ssh://}
 * through {@code ssh ... docker system dial-stdio} and TLS through a TLS socket, both behind a
 * {@link LocalRelay}, so docker-java's client and the raw one share the transport.
 */
public final class EngineTransport implements Closeable {

    private final URI uri;
    private final LocalRelay relay;

    private EngineTransport(URI uri, LocalRelay relay) {
        this.uri = uri;
        this.relay = relay;
    }

    /** The transport for {@code endpoint}; commands it runs get {@code env} (PATH, HOME). */
    public static EngineTransport open(DockerEndpoint endpoint, Map<String, String> env) {
        String host = endpoint.host();
        try {
            if (host.startsWith("ssh://")) {
                return relayed(new CommandDialer(sshCommand(host), env));
            }
            if (host.startsWith("fd://")) {
                throw new EndpointException("engine address " + host + " (context "
                        + endpoint.context() + "): fd:// addresses are not supported");
            }
            if (endpoint.usesTls()) {
                URI tcp = URI.create(host.replaceFirst("^tcp://", "https://"));
                if (tcp.getHost() == null || tcp.getPort() < 0) {
                    throw new EndpointException("engine address " + host + " (context "
                            + endpoint.context() + ") names no host and port");
                }
                return relayed(new TlsDialer(TlsContexts.create(endpoint.tls(),
                        endpoint.skipTlsVerify()), tcp.getHost(), tcp.getPort(),
                        !endpoint.skipTlsVerify()));
            }
            return new EngineTransport(URI.create(host), null);
        } catch (IllegalArgumentException e) {
            throw new EndpointException("engine address " + host + " (context "
                    + endpoint.context() + ") is not valid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EndpointException("cannot set up the connection to " + host + ": "
                    + e.getMessage(), e);
        }
    }

    private static EngineTransport relayed(Dialer dialer) throws IOException {
        LocalRelay relay = LocalRelay.start(dialer);
        return new EngineTransport(relay.uri(), relay);
    }

    /**
     * The docker CLI's command for an {@code ssh://[user@]host[:port][/socket]} engine:
     * {@code ssh "-o ConnectTimeout=30" -T [-l user] [-p port] -- host docker
     * [--host unix:///socket] system dial-stdio}.
     */
    static List<String> sshCommand(String host) {
        URI u = URI.create(host);
        if (u.getRawUserInfo() != null && u.getRawUserInfo().contains(":")) {
            throw new IllegalArgumentException("plain-text password is not supported");
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw new IllegalArgumentException("hostname is empty");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException("query parameters and fragments are not allowed");
        }
        List<String> cmd = new ArrayList<>(List.of("ssh", "-o ConnectTimeout=30", "-T"));
        if (u.getUserInfo() != null) {
            cmd.addAll(List.of("-l", u.getUserInfo()));
        }
        if (u.getPort() >= 0) {
            cmd.addAll(List.of("-p", Integer.toString(u.getPort())));
        }
        cmd.addAll(List.of("--", u.getHost(), "docker"));
        if (u.getPath() != null && !u.getPath().isEmpty()) {
            cmd.addAll(List.of("--host", "unix://" + u.getPath()));
        }
        cmd.addAll(List.of("system", "dial-stdio"));
        return cmd;
    }

    /** The address the HTTP client connects to. */
    public URI uri() {
        return uri;
    }

    /** Whether connections go through a relay (whose TLS, if any, is its own). */
    public boolean relayed() {
        return relay != null;
    }

    /** Why the last relayed connection failed (an ssh error), or null. */
    public String lastFailure() {
        return relay == null ? null : relay.lastFailure();
    }

    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
    }
}
