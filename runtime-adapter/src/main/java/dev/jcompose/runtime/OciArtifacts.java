package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.planner.engine.EngineException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose projects as OCI artifacts in a registry, as compose v2 publishes and reads them: an
 * image manifest (artifact type {@code application/vnd.docker.compose.project}, or for OCI 1.0
 * registries the config media type {@code application/vnd.docker.compose.config.empty.v1+json})
 * whose layers are the compose files and env files, each a blob. Spoken over the registry's
 * HTTP API with the docker CLI's credentials (basic or bearer token); plain HTTP for
 * {@code localhost} and {@code 127.0.0.1}, or when asked.
 *
 * <p>Just over 400 lines: the registry conversation (authentication challenge, blobs, manifests,
 * the OCI 1.0 fallback) kept in one place so that its order can be read.
 */
public final class OciArtifacts {

    public static final String ARTIFACT_TYPE = "application/vnd.docker.compose.project";
    public static final String COMPOSE_FILE = "application/vnd.docker.compose.file+yaml";
    public static final String ENV_FILE = "application/vnd.docker.compose.envfile";
    public static final String EMPTY_CONFIG_1_0 =
            "application/vnd.docker.compose.config.empty.v1+json";
    private static final String EMPTY_JSON = "application/vnd.oci.empty.v1+json";
    private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String INDEX = "application/vnd.oci.image.index.v1+json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** A layer: a compose file or an env file, named by its annotation. */
    public record Layer(String mediaType, String name, byte[] content, boolean extendsFile) {
        public Layer {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /** Where an artifact is: {@code registry/repository:tag}. */
    public record Reference(String registry, String repository, String tag) {
        /** {@code 127.0.0.1:5000/app:1.0}; without a tag {@code latest}. */
        public static Reference parse(String ref) {
            ImageRef r = ImageRef.parse(ref);
            String repo = r.repository();
            String registry = r.registry();
            String path = repo.startsWith(registry + "/") ? repo.substring(registry.length() + 1)
                    : repo;
            if (registry.equals("docker.io")) {
                registry = "registry-1.docker.io";
                path = path.contains("/") ? path : "library/" + path;
            }
            return new Reference(registry, path, r.digest() != null ? r.digest() : r.tag());
        }

        @Override
        public String toString() {
            return registry + "/" + repository + ":" + tag;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final RegistryAuth auth;
    private final boolean insecure;
    private String token;

    private OciArtifacts(RegistryAuth auth, boolean insecure) {
        this.auth = auth;
        this.insecure = insecure;
    }

    /** A client with the credentials {@code env} locates; {@code insecure}: plain HTTP. */
    public static OciArtifacts fromEnvironment(Map<String, String> env, boolean insecure) {
        return new OciArtifacts(RegistryAuth.fromEnvironment(env), insecure);
    }

    /**
     * Pushes {@code layers} as a compose artifact; {@code ociVersion} "1.1", "1.0" or null for
     * 1.1 with a fall back to 1.0 when the registry refuses the manifest (not for lack of
     * authorisation), as compose v2 does.
     *
     * @return the manifest's digest
     */
    public String push(Reference ref, List<Layer> layers, String ociVersion,
            String composeVersion) {
        List<ObjectNode> descriptors = new ArrayList<>();
        for (Layer l : layers) {
            pushBlob(ref, l.content());
            ObjectNode d = descriptor(l.mediaType(), l.content());
            ObjectNode annotations = d.putObject("annotations");
            annotations.put("com.docker.compose.version", composeVersion);
            annotations.put(l.mediaType().equals(ENV_FILE) ? "com.docker.compose.envfile"
                    : "com.docker.compose.file", l.name());
            if (l.extendsFile()) {
                annotations.put("com.docker.compose.extends", "true");
            }
            d.put("data", Base64.getEncoder().encodeToString(l.content()));
            descriptors.add(d);
        }
        if (ociVersion != null) {
            return pushManifest(ref, descriptors, ociVersion);
        }
        try {
            return pushManifest(ref, descriptors, "1.1");
        } catch (Refused e) {
            if (e.status >= 400 && e.status < 500 && e.status != 401 && e.status != 403
                    && e.status != 407) {
                return pushManifest(ref, descriptors, "1.0");
            }
            throw e;
        }
    }

    private String pushManifest(Reference ref, List<ObjectNode> layers, String version) {
        byte[] config;
        String configType;
        if (version.equals("1.1")) {
            config = "{}".getBytes(StandardCharsets.UTF_8);
            configType = EMPTY_JSON;
        } else if (version.equals("1.0")) {
            config = "{}".getBytes(StandardCharsets.UTF_8);
            configType = EMPTY_CONFIG_1_0;
        } else {
            throw new EngineException("unsupported OCI version: " + version
                    + " (use 1.0 or 1.1)");
        }
        pushBlob(ref, config);
        ObjectNode m = NODES.objectNode();
        m.put("schemaVersion", 2);
        m.put("mediaType", MANIFEST);
        if (version.equals("1.1")) {
            m.put("artifactType", ARTIFACT_TYPE);
        }
        ObjectNode c = descriptor(configType, config);
        if (version.equals("1.1")) {
            c.put("data", "e30=");
        }
        m.set("config", c);
        ArrayNode ls = m.putArray("layers");
        layers.forEach(ls::add);
        m.putObject("annotations").put("org.opencontainers.image.created",
                ZonedDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        byte[] body = JsonTrees.write(m);
        send(ref, "PUT", "/manifests/" + ref.tag(), body, MANIFEST, 201);
        return "sha256:" + sha256(body);
    }

    /**
     * Fetches the compose artifact at {@code ref}: its layers, in order (an index is followed
     * to its compose manifest).
     *
     * @throws EngineException when it is missing or not a compose project
     */
    public List<Layer> pull(Reference ref) {
        JsonNode manifest = json(get(ref, "/manifests/" + ref.tag(), MANIFEST + ", " + INDEX));
        if (INDEX.equals(manifest.path("mediaType").asText())) {
            JsonNode found = null;
            for (JsonNode m : manifest.path("manifests")) {
                if (ARTIFACT_TYPE.equals(m.path("artifactType").asText())) {
                    found = m;
                }
            }
            if (found == null) {
                throw new EngineException("OCI index " + ref + " doesn't refer to compose "
                        + "artifacts");
            }
            manifest = json(get(ref, "/manifests/" + found.path("digest").asText(), MANIFEST));
        }
        String artifactType = manifest.path("artifactType").asText("");
        String configType = manifest.path("config").path("mediaType").asText("");
        if (artifactType.isEmpty() ? !configType.equals(EMPTY_CONFIG_1_0)
                : !artifactType.equals(ARTIFACT_TYPE)) {
            throw new EngineException(ref + " is not a compose project OCI artifact, but "
                    + (artifactType.isEmpty() ? configType : artifactType));
        }
        List<Layer> out = new ArrayList<>();
        for (JsonNode l : manifest.path("layers")) {
            String type = l.path("mediaType").asText();
            JsonNode a = l.path("annotations");
            String name = type.equals(ENV_FILE) ? a.path("com.docker.compose.envfile").asText()
                    : a.path("com.docker.compose.file").asText("compose.yaml");
            byte[] blob = get(ref, "/blobs/" + l.path("digest").asText(), "*/*");
            String digest = "sha256:" + sha256(blob);
            if (!digest.equals(l.path("digest").asText())) {
                throw new EngineException("the registry sent a layer of " + ref
                        + " whose digest is not " + l.path("digest").asText());
            }
            out.add(new Layer(type, name, blob, a.has("com.docker.compose.extends")));
        }
        return out;
    }

    private ObjectNode descriptor(String mediaType, byte[] content) {
        ObjectNode d = NODES.objectNode();
        d.put("mediaType", mediaType);
        d.put("digest", "sha256:" + sha256(content));
        d.put("size", content.length);
        return d;
    }

    private void pushBlob(Reference ref, byte[] content) {
        String digest = "sha256:" + sha256(content);
        if (exchange(ref, "HEAD", "/blobs/" + digest, null, null, null).statusCode() == 200) {
            return;
        }
        HttpResponse<byte[]> started = exchange(ref, "POST", "/blobs/uploads/", new byte[0],
                null, null);
        if (started.statusCode() != 202) {
            throw refused(ref, "starting an upload", started);
        }
        String location = started.headers().firstValue("Location").orElseThrow(() ->
                new EngineException("the registry " + ref.registry() + " gave no upload "
                        + "location"));
        URI upload = base(ref).resolve(location);
        String sep = upload.getQuery() == null ? "?" : "&";
        HttpResponse<byte[]> done = exchangeUri(ref, "PUT", URI.create(upload + sep + "digest="
                + URLEncoder.encode(digest, StandardCharsets.UTF_8)), content,
                "application/octet-stream", null);
        if (done.statusCode() != 201) {
            throw refused(ref, "uploading " + digest, done);
        }
    }

    private void send(Reference ref, String method, String path, byte[] body, String type,
            int expected) {
        HttpResponse<byte[]> r = exchange(ref, method, path, body, type, null);
        if (r.statusCode() != expected) {
            throw refused(ref, method + " " + path, r);
        }
    }

    private byte[] get(Reference ref, String path, String accept) {
        HttpResponse<byte[]> r = exchange(ref, "GET", path, null, null, accept);
        if (r.statusCode() != 200) {
            throw refused(ref, "reading " + path.substring(1), r);
        }
        return r.body();
    }

    private URI base(Reference ref) {
        String host = ref.registry();
        boolean plain = insecure || host.startsWith("localhost") || host.startsWith("127.")
                || host.startsWith("[::1]");
        return URI.create((plain ? "http://" : "https://") + host + "/v2/" + ref.repository());
    }

    private HttpResponse<byte[]> exchange(Reference ref, String method, String path,
            byte[] body, String type, String accept) {
        return exchangeUri(ref, method, URI.create(base(ref) + path), body, type, accept);
    }

    /** What went wrong on the way to a registry, in words (the JDK's client often has none). */
    private static String why(IOException e) {
        if (e instanceof java.net.http.HttpConnectTimeoutException
                || e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof java.net.ConnectException) {
            return e.getMessage() == null ? "connection refused" : e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private HttpResponse<byte[]> exchangeUri(Reference ref, String method, URI uri, byte[] body,
            String type, String accept) {
        try {
            HttpResponse<byte[]> r = http.send(request(method, uri, body, type, accept),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 401 && authenticate(ref, r)) {
                r = http.send(request(method, uri, body, type, accept),
                        HttpResponse.BodyHandlers.ofByteArray());
            }
            return r;
        } catch (IOException e) {
            throw new EngineException("cannot reach the registry " + ref.registry() + ": "
                    + why(e) + ". Check the registry's address in the reference and that it "
                    + "serves HTTPS (or HTTP on localhost)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted talking to " + ref.registry(), e);
        }
    }

    private HttpRequest request(String method, URI uri, byte[] body, String type,
            String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (token != null) {
            b.header("Authorization", token);
        }
        return b.build();
    }

    /** Answers a 401's challenge (basic, or a bearer token from its realm); false if none. */
    private boolean authenticate(Reference ref, HttpResponse<byte[]> r)
            throws IOException, InterruptedException {
        if (token != null) {
            return false;
        }
        String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
        Optional<RegistryAuth.Credentials> creds = auth.forRegistry(ref.registry());
        String basic = creds.map(c -> "Basic " + Base64.getEncoder().encodeToString(
                (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            token = basic;
            return basic != null;
        }
        if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            return false;
        }
        Matcher m = CHALLENGE_PARAM.matcher(challenge);
        String realm = null;
        StringBuilder query = new StringBuilder();
        while (m.find()) {
            if (m.group(1).equals("realm")) {
                realm = m.group(2);
            } else {
                query.append(query.isEmpty() ? "?" : "&").append(m.group(1)).append('=')
                        .append(URLEncoder.encode(m.group(2), StandardCharsets.UTF_8));
            }
        }
        if (realm == null) {
            return false;
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(realm + query))
                .timeout(Duration.ofSeconds(30));
        if (basic != null) {
            b.header("Authorization", basic);
        }
        HttpResponse<byte[]> t = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (t.statusCode() != 200) {
            return false;
        }
        JsonNode n = json(t.body());
        String value = n.path("token").asText(n.path("access_token").asText(""));
        token = value.isEmpty() ? null : "Bearer " + value;
        return token != null;
    }

    /** A refusal: the registry's status and message. */
    static final class Refused extends EngineException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    private static Refused refused(Reference ref, String doing, HttpResponse<byte[]> r) {
        String body = new String(r.body() == null ? new byte[0] : r.body(),
                StandardCharsets.UTF_8).strip();
        return new Refused("the registry " + ref.registry() + " refused " + doing + " of "
                + ref.repository() + ": HTTP " + r.statusCode()
                + (body.isEmpty() ? "" : " " + body), r.statusCode());
    }

    private static JsonNode json(byte[] body) {
        try {
            return JsonTrees.read(body);
        } catch (IOException e) {
            throw new EngineException("the registry's answer is not JSON: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
