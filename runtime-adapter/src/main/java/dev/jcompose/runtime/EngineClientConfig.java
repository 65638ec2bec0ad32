package dev.jcompose.runtime;

import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.core.SSLConfig;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * docker-java's client configuration, built for start-up speed. docker-java's default builder
 * reads its properties files and the Docker CLI's config with Jackson, and its HTTP transport
 * creates the JDK's default TLS context (parsing every certificate in {@code cacerts}) even for
 * a Unix socket: together a fifth of a second on every command. jcompose reads registry
 * credentials itself ({@link RegistryAuth}) and passes them per call, so for plain connections
 * this configuration carries only the host; TLS connections ({@code DOCKER_TLS_VERIFY},
 * {@code DOCKER_CERT_PATH}) keep docker-java's own configuration and certificate handling.
 */
final class EngineClientConfig implements DockerClientConfig {

    private final URI host;

    private EngineClientConfig(URI host) {
        this.host = host;
    }

    static DockerClientConfig forHost(String host, Map<String, String> env) {
        if (usesTls(env)) {
            return DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host)
                    .build();
        }
        return new EngineClientConfig(URI.create(host));
    }

    static boolean usesTls(Map<String, String> env) {
        String verify = env.getOrDefault("DOCKER_TLS_VERIFY", "");
        return !(verify.isEmpty() || verify.equals("0") || verify.equalsIgnoreCase("false"))
                || !env.getOrDefault("DOCKER_CERT_PATH", "").isEmpty();
    }

    /**
     * The TLS settings handed to the transport for plain connections: a context with no keys
     * and no trusted certificates, created in microseconds. Nothing uses it (a Unix socket or
     * plain TCP never negotiates TLS), but without one the transport builds the JDK default.
     */
    static SSLConfig plainTransport() {
        return () -> {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(new KeyManager[0], new TrustManager[0], null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot create an empty TLS context", e);
            }
        };
    }

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

    @Override
    public SSLConfig getSSLConfig() {
        return plainTransport();
    }
}
