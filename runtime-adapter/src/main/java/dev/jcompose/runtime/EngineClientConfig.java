package dev.jcompose.runtime;

import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.core.SSLConfig;
import java.net.URI;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * docker-java's client configuration, built for start-up speed. docker-java's default builder
 * reads its properties files and the Docker CLI's config with Jackson, and its HTTP transport
 * creates the JDK's default TLS context (parsing every certificate in {@code cacerts}) even for
 * a Unix socket: together a fifth of a second on every command. jcompose reads registry
 * credentials itself ({@link RegistryAuth}) and passes them per call, so for plain connections
 * this configuration carries only the host (and, for sockets, a TLS context that costs nothing).
 * TLS and SSH connections are made by a relay ({@code transport.EngineTransport}), so the HTTP
 * client only ever speaks plain HTTP, to a socket or to a plain TCP address.
 */
final class EngineClientConfig implements DockerClientConfig {

    private final URI host;

    private EngineClientConfig(URI host) {
        this.host = host;
    }

    /** The configuration for {@code host}: a socket, a relay's socket, or plain TCP. */
    static DockerClientConfig forHost(URI host) {
        return new EngineClientConfig(host);
    }

    /**
     * The TLS settings handed to the transport for socket connections, which never negotiate
     * TLS; without any, the transport builds the JDK's default context.
     */
    static SSLConfig plainTransport() {
        return () -> NO_TLS;
    }

    /**
     * A TLS context that refuses to be used. Handing the transport this instead of a real
     * context keeps the JDK's TLS provider from even loading on socket connections.
     */
    private static final SSLContext NO_TLS = new SSLContext(new SSLContextSpi() {
        private UnsupportedOperationException refused() {
            return new UnsupportedOperationException("TLS is not used on this connection");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }, null, "none") { };

    @Override
    public URI getDockerHost() {
        return host;
    }

    @Override
    public RemoteApiVersion getApiVersion() {
        return RemoteApiVersion.unknown();
    }

    @Override
    public String getRegistryUsername() {
        return null;
    }

    @Override
    public String getRegistryPassword() {
        return null;
    }

    @Override
    public String getRegistryEmail() {
        return null;
    }

    @Override
    public String getRegistryUrl() {
        return null;
    }

    @Override
    public AuthConfig effectiveAuthConfig(String imageName) {
        return null;
    }

    @Override
    public AuthConfigurations getAuthConfigurations() {
        return new AuthConfigurations();
    }

    /**
     * For sockets, {@link #plainTransport()}; for plain TCP, none: docker-java speaks HTTPS to a
     * TCP host whenever it has TLS settings, so TCP pays for the default context it builds.
     */
    @Override
    public SSLConfig getSSLConfig() {
        String scheme = host.getScheme();
        return "unix".equals(scheme) || "npipe".equals(scheme) ? plainTransport() : null;
    }
}
