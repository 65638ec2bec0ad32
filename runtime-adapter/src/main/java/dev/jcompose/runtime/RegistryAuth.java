package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jcompose.planner.engine.EngineException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Registry credentials, found the way the Docker CLI finds them in its {@code config.json}
 * ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}): a credential helper
 * named for the registry in {@code credHelpers}, else the {@code credsStore} helper, else the
 * {@code auths} entry ({@code auth} is base64 of {@code user:password}). Helpers are the
 * {@code docker-credential-<name>} programs on the {@code PATH}, run with {@code get} and the
 * server address on their standard input. Each registry is looked up once.
 */
public final class RegistryAuth {

    /** The key Docker Hub's credentials are stored under. */
    public static final String DOCKER_HUB = "https://index.docker.io/v1/";

    /**
     * Credentials for one registry.
     *
     * @param identityToken an OAuth token to use instead of a password (helpers return it as the
     *                      secret of user {@code <token>}), or null
     */
    public record Credentials(String username, String password, String identityToken,
            String serverAddress) {
        @Override
        public String toString() {
            return "Credentials[" + username + " @ " + serverAddress + "]";
        }
    }

    private static final long HELPER_TIMEOUT_SECONDS = 60;

    private final Path configFile;
    private final Map<String, String> env;
    private final Map<String, Optional<Credentials>> cache = new ConcurrentHashMap<>();
    private volatile JsonNode config;

    private RegistryAuth(Path configFile, Map<String, String> env) {
        this.configFile = configFile;
        this.env = Map.copyOf(env);
    }

    /** Credentials from the configuration {@code env} points at ({@code DOCKER_CONFIG}, HOME). */
    public static RegistryAuth fromEnvironment(Map<String, String> env) {
        String dir = env.get("DOCKER_CONFIG");
        Path configDir;
        if (dir != null && !dir.isEmpty()) {
            configDir = Path.of(dir);
        } else {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            configDir = Path.of(home, ".docker");
        }
        return new RegistryAuth(configDir.resolve("config.json"), env);
    }

    /** The configuration file read. */
    public Path configFile() {
        return configFile;
    }

    /**
     * The credentials for {@code registry} (a host with optional port, {@code docker.io} for
     * Docker Hub), or empty to go anonymous.
     *
     * @throws EngineException.ImageFailure when the configuration or a helper fails
     */
    public Optional<Credentials> forRegistry(String registry) {
        String key = serverAddress(registry);
        return cache.computeIfAbsent(key, this::lookUp);
    }

    /** The key credentials of {@code registry} are stored under. */
    static String serverAddress(String registry) {
        String host = hostname(registry);
        if (host.equals("docker.io") || host.equals("index.docker.io")
                || host.equals("registry-1.docker.io")) {
            return DOCKER_HUB;
        }
        return host;
    }

    /** {@code https://host:5000/v2/} is {@code host:5000}. */
    static String hostname(String address) {
        String a = address;
        if (a.startsWith("http://")) {
            a = a.substring(7);
        } else if (a.startsWith("https://")) {
            a = a.substring(8);
        }
        int slash = a.indexOf('/');
        return slash < 0 ? a : a.substring(0, slash);
    }

    private Optional<Credentials> lookUp(String serverAddress) {
        JsonNode root = config();
        String hostname = hostname(serverAddress);
        String helper = null;
        JsonNode helpers = root.path("credHelpers");
        if (helpers.isObject()) {
            for (Map.Entry<String, JsonNode> e : helpers.properties()) {
                if (hostname(e.getKey()).equals(hostname) && e.getValue().isTextual()) {
                    helper = e.getValue().asText();
                }
            }
        }
        if (helper == null && root.path("credsStore").isTextual()
                && !root.path("credsStore").asText().isEmpty()) {
            helper = root.path("credsStore").asText();
        }
        Optional<Credentials> stored = fromAuths(root, serverAddress);
        if (helper == null) {
            return stored;
        }
        Optional<Credentials> fromHelper = runHelper(helper, serverAddress);
        return fromHelper.isPresent() ? fromHelper : stored;
    }

    private Optional<Credentials> fromAuths(JsonNode root, String serverAddress) {
        JsonNode auths = root.path("auths");
        if (!auths.isObject()) {
            return Optional.empty();
        }
        JsonNode entry = auths.get(serverAddress);
        if (entry == null) {
            String hostname = hostname(serverAddress);
            for (Map.Entry<String, JsonNode> e : auths.properties()) {
                if (serverAddress(e.getKey()).equals(serverAddress)
                        || hostname(e.getKey()).equals(hostname)) {
                    entry = e.getValue();
                }
            }
        }
        if (entry == null || !entry.isObject()) {
            return Optional.empty();
        }
        String user = text(entry, "username");
        String password = text(entry, "password");
        String auth = text(entry, "auth");
        if (auth != null && !auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.strip()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new EngineException.ImageFailure(configFile + ": the auth of "
                        + serverAddress + " is not base64 of user:password");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new EngineException.ImageFailure(configFile + ": the auth of "
                        + serverAddress + " is not base64 of user:password");
            }
            user = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        String token = text(entry, "identitytoken");
        if (user == null && password == null && token == null) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(user, password, token, serverAddress));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private JsonNode config() {
        JsonNode c = config;
        if (c == null) {
            if (!Files.isRegularFile(configFile)) {
                c = JsonNodeFactory.instance.objectNode();
            } else {
                try {
                    c = JsonTrees.read(Files.readAllBytes(configFile));
                } catch (IOException e) {
                    throw new EngineException.ImageFailure("cannot read the registry "
                            + "credentials in " + configFile + ": " + e.getMessage());
                }
                if (c == null || !c.isObject()) {
                    c = JsonNodeFactory.instance.objectNode();
                }
            }
            config = c;
        }
        return c;
    }

    /** Runs {@code docker-credential-<helper> get}; empty when it has no credentials. */
    private Optional<Credentials> runHelper(String helper, String serverAddress) {
        String program = "docker-credential-" + helper;
        Path exe = onPath(program);
        if (exe == null) {
            throw new EngineException.ImageFailure(configFile + " names the credential helper "
                    + helper + ", but " + program + " is not on the PATH; install it, or "
                    + "remove it from the configuration");
        }
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(exe.toString(), "get");
            pb.environment().putAll(env);
            pb.redirectErrorStream(true);
            p = pb.start();
        } catch (IOException e) {
            throw new EngineException.ImageFailure("cannot run " + exe + ": " + e.getMessage());
        }
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = p.getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }, r -> Thread.ofVirtual().start(r));
        try (OutputStream in = p.getOutputStream()) {
            in.write(serverAddress.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the helper did not read its input; its exit status says more
        }
        String out;
        int status;
        try {
            if (!p.waitFor(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new EngineException.ImageFailure(program + " get did not answer within "
                        + HELPER_TIMEOUT_SECONDS + " s for " + serverAddress);
            }
            status = p.exitValue();
            out = new String(output.join(), StandardCharsets.UTF_8).strip();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EngineException.ImageFailure("interrupted while running " + program);
        }
        if (status != 0) {
            if (out.toLowerCase().contains("credentials not found")) {
                return Optional.empty();
            }
            throw new EngineException.ImageFailure(program + " get failed for " + serverAddress
                    + " (exit " + status + ")" + (out.isEmpty() ? "" : ": " + out));
        }
        JsonNode creds;
        try {
            creds = JsonTrees.read(out.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EngineException.ImageFailure(program + " get answered something that is "
                    + "not JSON for " + serverAddress + ": " + abbreviate(out));
        }
        String user = text(creds, "Username");
        String secret = text(creds, "Secret");
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        if ("<token>".equals(user)) {
            return Optional.of(new Credentials(null, null, secret, serverAddress));
        }
        return Optional.of(new Credentials(user, secret, null, serverAddress));
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private Path onPath(String program) {
        String path = env.getOrDefault("PATH", System.getenv("PATH"));
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** All credentials of the {@code auths} section (no helpers run), by server address. */
    public Map<String, Credentials> stored() {
        Map<String, Credentials> out = new LinkedHashMap<>();
        JsonNode auths = config().path("auths");
        if (auths.isObject()) {
            for (Map.Entry<String, JsonNode> e : auths.properties()) {
                String key = serverAddress(e.getKey());
                fromAuths(config(), key).ifPresent(c -> out.put(key, c));
            }
        }
        return out;
    }
}
