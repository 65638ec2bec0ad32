package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.runtime.context.DockerEndpoint;
import dev.jcompose.runtime.transport.EngineTransport;
import java.io.Closeable;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connection to one engine: the raw HTTP client and docker-java's (each made on first use,
 * so commands that never touch the engine pay nothing for them), requests and their answers
 * (JSON trees, streams), and the translation of failures into {@link EngineException}s with the
 * engine's words, or what to check when it does not answer. It also knows which engine it talks
 * to ({@link #identity}).
 */
final class EngineConnection implements Closeable {

    private final DockerEndpoint endpoint;
    private final String host;
    private final Map<String, String> env;
    private final Object lock = new Object();
    private volatile DockerClient client;
    private volatile DockerHttpClient http;
    private DockerClientConfig config;
    private EngineTransport transport;
    private final KnownEngine known = new KnownEngine();

    EngineConnection(DockerEndpoint endpoint, Map<String, String> env) {
        this.endpoint = endpoint;
        this.host = endpoint.host();
        this.env = env;
    }

    String host() {
        return host;
    }

    /** Remembers which engine answered {@code /version}. */
    void identified(EngineIdentity identity) {
        known.set(identity);
    }

    /** True when an answer so far came from Podman. */
    boolean isPodman() {
        return known.isPodman();
    }

    /**
     * The raw HTTP client: for the lists and inspections read as JSON trees, and the few calls
     * docker-java does not model fully. Made without docker-java's command layer, which commands
     * that only read never need.
     */
    DockerHttpClient http() {
        DockerHttpClient h = http;
        if (h == null) {
            synchronized (lock) {
                h = http;
                if (h == null) {
                    transport = EngineTransport.open(endpoint, env);
                    config = EngineClientConfig.forHost(transport.uri());
                    h = new FirstAnswer(RequestLog.around(new ZerodepDockerHttpClient.Builder()
                            .dockerHost(config.getDockerHost())
                            .sslConfig(config.getSSLConfig())
                            .maxConnections(256)
                            .connectionTimeout(Duration.ofSeconds(10))
                            .build()), FirstAnswer.timeout(env));
                    http = h;
                }
            }
        }
        return h;
    }

    DockerClient client() {
        DockerClient c = client;
        if (c == null) {
            DockerHttpClient h = http();
            synchronized (lock) {
                c = client;
                if (c == null) {
                    c = DockerClientImpl.getInstance(config, h);
                    client = c;
                }
            }
        }
        return c;
    }

    /** Runs an engine call, translating docker-java's exceptions into ours. */
    <T> T call(Supplier<T> fn) {
        try {
            return fn.get();
        } catch (NotFoundException e) {
            throw new EngineException.NotFound(reason(e));
        } catch (ConflictException e) {
            throw new EngineException.Conflict(reason(e));
        } catch (DockerException e) {
            throw new EngineException(reason(e), e);
        } catch (DockerClientException e) {
            throw new EngineException(e.getMessage(), e);
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                throw unavailable(e);
            }
            throw e;
        }
    }

    void run(Runnable fn) {
        call(() -> {
            fn.run();
            return null;
        });
    }

    EngineException.Unavailable unavailable(Throwable e) {
        if (e instanceof FirstAnswer.NoAnswer) {
            return new EngineException.Unavailable("the Docker engine at " + endpoint.describe()
                    + " does not answer: " + e.getMessage() + ". Is the engine hung, or is "
                    + "another program listening there?", e);
        }
        EngineTransport t = transport;
        String relayFailure = t == null ? null : t.lastFailure();
        if (relayFailure != null) {
            return new EngineException.Unavailable("cannot connect to the Docker engine at "
                    + endpoint.describe() + ": " + relayFailure, e);
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException u) {
                return new EngineException.Unavailable("cannot connect to the Docker engine at "
                        + host + ": unknown host " + u.getMessage().replaceFirst(":.*", "")
                        + ". Check the host name in DOCKER_HOST, -H or the docker context.", e);
            }
        }
        return new EngineException.Unavailable("cannot connect to the Docker engine at " + host
                + " (" + rootMessage(e) + "). Is the Docker daemon running? Start it "
                + "(sudo systemctl start docker, or scripts/engine.sh in this repository), or "
                + "set DOCKER_HOST to a running engine.", e);
    }

    private static boolean isConnectionFailure(Throwable e) {
        if (e instanceof FirstAnswer.NoAnswer) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t.getClass().getName().contains("LastErrorException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m != null && m.contains("[2]")) {
            return "no such socket";
        }
        if (m != null && m.contains("[111]")) {
            return "connection refused";
        }
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /** The engine's message, without docker-java's "Status 404: " prefix and JSON. */
    static String reason(DockerException e) {
        String m = e.getMessage();
        if (m == null) {
            return "HTTP " + e.getHttpStatus();
        }
        m = m.replaceFirst("^Status \\d+: ", "");
        Matcher json = Pattern.compile("\\{\"message\":\"(.*)\"}\\s*$", Pattern.DOTALL).matcher(m);
        if (json.find()) {
            m = json.group(1).replace("\\\"", "\"");
        }
        return m.strip();
    }

    /** Which engine this is and which API it speaks, from the answers so far or asked. */
    EngineIdentity identity() {
        return known.get(() -> {
            JsonNode v = getJson("/version", "asking the engine's version");
            return v == null ? new EngineIdentity(EngineIdentity.Kind.DOCKER, null, "1.24")
                    : EngineIdentity.fromVersion(v);
        });
    }

    /** {@code path} with a {@code filters} query selecting {@code labels} (none: as it is). */
    static String withLabelFilter(String path, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + "filters=" + URLEncoder.encode(
                JsonTrees.filters(Map.of("label", labelFilters(labels))), StandardCharsets.UTF_8);
    }

    /** An answer of the raw API: its status and its body, read whole. */
    private record Answer(int status, byte[] body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** One bodiless request on the raw transport; connection failures as {@link #call} maps them. */
    private Answer exchange(DockerHttpClient.Request.Method method, String path) {
        return exchange(method, path, null, null);
    }

    /** One request on the raw transport, with {@code body} of {@code type} unless null. */
    private Answer exchange(DockerHttpClient.Request.Method method, String path, byte[] body,
            String type) {
        return call(() -> {
            DockerHttpClient.Request.Builder builder = DockerHttpClient.Request.builder()
                    .method(method).path(path);
            if (body != null) {
                builder.putHeader("Content-Type", type).bodyBytes(body);
            }
            DockerHttpClient.Request request = builder.build();
            try (DockerHttpClient.Response response = http().execute(request)) {
                known.observe(response);
                return new Answer(response.getStatusCode(), response.getBody().readAllBytes());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * GETs {@code path} from the raw API and reads the answer as a JSON tree; null when the
     * engine answers 404. {@code doing} words the error ("listing containers failed: HTTP 500 …").
     */
    JsonNode getJson(String path, String doing) {
        Answer answer = exchange(DockerHttpClient.Request.Method.GET, path);
        if (answer.status() == 404) {
            return null;
        }
        if (!answer.ok()) {
            throw new EngineException(doing + " failed: HTTP " + answer.status() + " "
                    + message(answer.body()));
        }
        try {
            return JsonTrees.read(answer.body());
        } catch (IOException e) {
            throw new EngineException(doing + " failed: the engine's answer is not JSON ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Sends a request without a body on the raw transport, as the simple container, network and
     * volume operations are; 304 (already in that state) is success. 404 and 409 become
     * {@link EngineException.NotFound} and {@link EngineException.Conflict}, other failures an
     * {@link EngineException} with the engine's message. docker-java's command layer is not
     * needed for these, so {@code down}, {@code stop} and the like never make it.
     */
    void send(DockerHttpClient.Request.Method method, String path) {
        request(method, path, null, null);
    }

    /**
     * Sends {@code json} as {@link #send} does, and returns the engine's answer read as a JSON
     * tree (a missing node when it has no body).
     */
    JsonNode request(DockerHttpClient.Request.Method method, String path, JsonNode json) {
        return request(method, path, JsonTrees.write(json), "application/json");
    }

    JsonNode request(DockerHttpClient.Request.Method method, String path, byte[] body,
            String type) {
        Answer answer = exchange(method, path, body, type);
        if (answer.ok() || answer.status() == 304) {
            try {
                return answer.body().length == 0 || PodmanAnswers.plainOk(answer.body())
                        ? MissingNode.getInstance() : JsonTrees.read(answer.body());
            } catch (IOException e) {
                throw new EngineException("the engine's answer to " + path + " is not JSON ("
                        + e.getMessage() + ")", e);
            }
        }
        String reason = answer.body().length == 0 ? "HTTP " + answer.status()
                : message(answer.body());
        throw switch (answer.status()) {
            case 404 -> new EngineException.NotFound(reason);
            case 409 -> new EngineException.Conflict(reason);
            default -> new EngineException(reason);
        };
    }

    static String encoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The engine's {@code message} in an error body, else the body as it is. */
    static String message(byte[] body) {
        try {
            JsonNode n = JsonTrees.read(body);
            if (n != null && n.path("message").isTextual()) {
                return n.path("message").asText();
            }
        } catch (IOException e) {
            // not JSON: the body as it is
        }
        return new String(body, StandardCharsets.UTF_8).strip();
    }

    static List<String> labelFilters(Map<String, String> labels) {
        List<String> out = new ArrayList<>();
        labels.forEach((k, v) -> out.add(v == null || v.isEmpty() ? k : k + "=" + v));
        return out;
    }

    /**
     * Opens a request on the raw transport whose answer is read as a stream (an archive, an
     * export, statistics); the caller closes the answer. Failures as {@link #request} maps them.
     */
    DockerHttpClient.Response open(DockerHttpClient.Request.Method method, String path,
            java.io.InputStream body, String type) {
        DockerHttpClient.Request.Builder builder = DockerHttpClient.Request.builder()
                .method(method).path(path);
        if (body != null) {
            builder.putHeader("Content-Type", type).body(body);
        }
        DockerHttpClient.Request request = builder.build();
        DockerHttpClient.Response response = call(() -> http().execute(request));
        int status = response.getStatusCode();
        if (status / 100 == 2) {
            return response;
        }
        String reason;
        try (response) {
            byte[] bytes = response.getBody().readAllBytes();
            reason = bytes.length == 0 ? "HTTP " + status : message(bytes);
        } catch (IOException e) {
            throw unavailable(e);
        }
        throw switch (status) {
            case 404 -> new EngineException.NotFound(reason);
            case 409 -> new EngineException.Conflict(reason);
            default -> new EngineException(reason);
        };
    }

    @Override
    public void close() {
        DockerClient c = client;
        DockerHttpClient h = http;
        if (c != null) {
            closeQuietly(c); // closes its HTTP client too
        } else if (h != null) {
            closeQuietly(h);
        }
        EngineTransport t = transport;
        if (t != null) {
            t.close();
        }
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // closing a finished stream
        }
    }
}
