package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * docker-java's client for the engine calls the {@link DockerEngine} port does not model (the
 * Swarm API: services, tasks, nodes, secrets, configs), on the same connection: the same host,
 * transport and TLS settings, created lazily, with docker-java's exceptions translated into
 * {@link dev.jcompose.planner.engine.EngineException}s as for every other call. Reads can go
 * through the raw API as JSON trees ({@link #get}), for the fields and filters docker-java's
 * models and commands leave out.
 */
public final class DockerApi {

    private static final ObjectMapper JSON = DockerClientConfig.getDefaultObjectMapper();

    private final DockerEngine engine;

    private DockerApi(DockerEngine engine) {
        this.engine = engine;
    }

    /** The client of {@code engine}'s connection. */
    public static DockerApi of(DockerEngine engine) {
        return new DockerApi(engine);
    }

    /** Where the engine is, as given ({@code unix:///var/run/docker.sock}). */
    public String host() {
        return engine.host();
    }

    /**
     * Runs {@code fn} with the client.
     *
     * @throws dev.jcompose.planner.engine.EngineException what the engine answered, in one
     *         sentence ({@code NotFound}, {@code Conflict}, {@code Unavailable} when it cannot be
     *         reached)
     */
    public <T> T call(Function<DockerClient, T> fn) {
        return engine.call(() -> fn.apply(engine.client()));
    }

    /** As {@link #call}, for calls without a result. */
    public void run(Consumer<DockerClient> fn) {
        engine.run(() -> fn.accept(engine.client()));
    }

    /**
     * The engine's answer to {@code GET path?filters=...} as a JSON tree, or null for 404.
     *
     * @param filters the {@code filters} query (none when empty)
     * @param doing   what the call is for, to start the error message with ("listing tasks")
     */
    public JsonNode get(String path, Map<String, List<String>> filters, String doing) {
        String query = filters.isEmpty() ? "" : (path.contains("?") ? "&" : "?") + "filters="
                + URLEncoder.encode(JsonTrees.filters(filters), StandardCharsets.UTF_8);
        return engine.call(() -> engine.getJson(path + query, doing));
    }

    /** The object mapper docker-java writes request bodies with (for specs as JSON trees). */
    public static ObjectMapper json() {
        return JSON;
    }
}
