package dev.jcompose.runtime.context;

import dev.jcompose.runtime.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which engine to talk to, decided exactly as the docker CLI decides it ({@code cli/command}'s
 * context resolution): the context named by {@code --context}; else the default context when
 * {@code -H} or {@code DOCKER_HOST} is given; else {@code DOCKER_CONTEXT}; else
 * {@code currentContext} in {@code config.json}; else the default context. The default context
 * is {@code -H}, else {@code DOCKER_HOST}, else the local socket, with TLS from {@code --tls*}
 * and {@code DOCKER_TLS}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}; any other
 * context is read from the context store. What cannot be resolved is an
 * {@link EndpointException}, never the local socket instead.
 */
public final class EndpointResolver {

    private EndpointResolver() {
    }

    /** The context chosen and what chose it ({@code --context}, {@code DOCKER_CONTEXT}, ...). */
    public record Choice(String context, String chosenBy) { }

    /** The engine {@code options} and {@code env} name; the single entry point. */
    public static DockerEndpoint resolve(DockerClientOptions options, Map<String, String> env) {
        Choice choice = choose(options, env);
        if (choice.context().equals(DockerEndpoint.DEFAULT_CONTEXT)) {
            return defaultContext(options, env);
        }
        return new ContextStore(configDir(options, env)).endpoint(choice.context(),
                choice.chosenBy());
    }

    /** The context {@code options} and {@code env} choose, without reading the store. */
    public static Choice choose(DockerClientOptions options, Map<String, String> env) {
        if (options.context() != null && !options.hosts().isEmpty()) {
            throw new EndpointException(
                    "conflicting options: cannot specify both --host and --context");
        }
        if (options.context() != null && !options.context().isEmpty()) {
            return new Choice(options.context(), "--context");
        }
        if (!options.hosts().isEmpty()) {
            return new Choice(DockerEndpoint.DEFAULT_CONTEXT, "-H");
        }
        if (!env.getOrDefault("DOCKER_HOST", "").isEmpty()) {
            return new Choice(DockerEndpoint.DEFAULT_CONTEXT, "DOCKER_HOST");
        }
        String fromEnv = env.getOrDefault("DOCKER_CONTEXT", "");
        if (!fromEnv.isEmpty()) {
            return new Choice(fromEnv, "DOCKER_CONTEXT");
        }
        Path config = configDir(options, env).resolve("config.json");
        String current = currentContext(config);
        if (!current.isEmpty()) {
            return new Choice(current, "currentContext in " + config);
        }
        return new Choice(DockerEndpoint.DEFAULT_CONTEXT, "no context set");
    }

    /** {@code --config}, else {@code DOCKER_CONFIG}, else {@code ~/.docker}. */
    static Path configDir(DockerClientOptions options, Map<String, String> env) {
        return options.configDir() != null && !options.configDir().isEmpty()
                ? Path.of(options.configDir()) : DockerConfigDir.of(env);
    }

    /** {@code currentContext} of {@code config}; empty when unset, missing or unreadable. */
    private static String currentContext(Path config) {
        if (!Files.isRegularFile(config)) {
            return "";
        }
        try {
            return ContextStore.field(JsonTrees.read(Files.readAllBytes(config)),
                    "currentContext").asText("");
        } catch (IOException e) {
            return ""; // the docker CLI warns and goes on without the file
        }
    }

    /**
     * The default context: {@code -H} (one at most), else {@code DOCKER_HOST}, else the socket
     * (TCP on 2376 when TLS is on); TLS when {@code --tls}, {@code --tlsverify} or their
     * variables say so, with the files given or found in {@code DOCKER_CERT_PATH}.
     */
    private static DockerEndpoint defaultContext(DockerClientOptions o, Map<String, String> env) {
        boolean verify = o.tlsVerify() != null ? o.tlsVerify()
                : !env.getOrDefault("DOCKER_TLS_VERIFY", "").isEmpty();
        boolean tls = o.tlsVerify() != null || verify
                || (o.tls() != null ? o.tls() : !env.getOrDefault("DOCKER_TLS", "").isEmpty());
        if (o.hosts().size() > 1) {
            throw new EndpointException("Specify only one -H (given: "
                    + String.join(", ", o.hosts()) + ")");
        }
        String given = o.hosts().isEmpty() ? env.getOrDefault("DOCKER_HOST", "")
                : o.hosts().get(0);
        String host;
        try {
            host = DaemonHost.parse(given, tls);
        } catch (IllegalArgumentException e) {
            throw new EndpointException(e.getMessage() + " (" + (o.hosts().isEmpty()
                    ? "DOCKER_HOST" : "-H") + ")");
        }
        if (!tls) {
            return new DockerEndpoint(DockerEndpoint.DEFAULT_CONTEXT, host, false, null);
        }
        // the docker CLI takes the default folder of the files before --config applies
        String certPath = env.getOrDefault("DOCKER_CERT_PATH", "");
        Path dir = certPath.isEmpty() ? DockerConfigDir.of(env) : Path.of(certPath);
        Path ca = o.tlsCaCert() != null ? Path.of(o.tlsCaCert()) : dir.resolve("ca.pem");
        Path cert = o.tlsCert() != null ? Path.of(o.tlsCert()) : existing(dir.resolve("cert.pem"));
        Path key = o.tlsKey() != null ? Path.of(o.tlsKey()) : existing(dir.resolve("key.pem"));
        String why = o.tlsCaCert() != null || o.tlsCert() != null || o.tlsKey() != null
                ? "--tlscacert/--tlscert/--tlskey"
                : certPath.isEmpty() ? "TLS is on and DOCKER_CERT_PATH is unset" : "DOCKER_CERT_PATH";
        TlsMaterial material = TlsMaterial.read(ca, cert, key, dir.toString(), why);
        return new DockerEndpoint(DockerEndpoint.DEFAULT_CONTEXT, host, !verify, material);
    }

    private static Path existing(Path p) {
        return Files.exists(p) ? p : null;
    }
}
