package dev.jcompose.runtime;

import static com.github.dockerjava.transport.DockerHttpClient.Request.Method.GET;
import static com.github.dockerjava.transport.DockerHttpClient.Request.Method.POST;
import static com.github.dockerjava.transport.DockerHttpClient.Request.Method.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.jcompose.planner.engine.CommitSpec;
import dev.jcompose.planner.engine.ContainerTools;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.PathArchive;
import dev.jcompose.planner.engine.PathStat;
import dev.jcompose.planner.engine.StatsSample;
import dev.jcompose.planner.engine.Subscription;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link ContainerTools} on the Docker Engine API's raw transport: the archive endpoints
 * ({@code /containers/ID/archive}), export, commit and the statistics stream.
 */
final class DockerContainerTools implements ContainerTools {

    private static final String PATH_STAT = "X-Docker-Container-Path-Stat";

    private final DockerEngine engine;

    DockerContainerTools(DockerEngine engine) {
        this.engine = engine;
    }

    private static String encoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<PathStat> statPath(String containerId, String path) {
        try (PathArchive a = readArchive(containerId, path)) {
            return Optional.of(a.stat());
        } catch (EngineException.NotFound e) {
            if (e.getMessage().contains("No such container")) {
                throw e;
            }
            return Optional.empty();
        }
    }

    @Override
    public PathArchive readArchive(String containerId, String path) {
        DockerHttpClient.Response response = engine.open(GET, "/containers/"
                + encoded(containerId) + "/archive?path=" + encoded(path), null, null);
        PathStat stat = stat(response.getHeader(PATH_STAT));
        return new PathArchive(stat, closing(response));
    }

    /** The path stat header: base64 of {@code {"name","size","mode","mtime","linkTarget"}}. */
    static PathStat stat(String header) {
        if (header == null) {
            throw new EngineException("the engine did not describe the path it sent");
        }
        try {
            JsonNode n = JsonTrees.read(Base64.getDecoder().decode(header));
            return new PathStat(n.path("name").asText(""), n.path("size").asLong(),
                    n.path("mode").asLong(), n.path("linkTarget").asText(""));
        } catch (IOException | IllegalArgumentException e) {
            throw new EngineException("the engine's path description is unreadable: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void writeArchive(String containerId, String dir, InputStream tar,
            boolean copyUidGid) {
        try (DockerHttpClient.Response r = engine.open(PUT, "/containers/" + encoded(containerId)
                + "/archive?path=" + encoded(dir) + "&noOverwriteDirNonDir=true"
                + (copyUidGid ? "&copyUIDGID=true" : ""), tar, "application/x-tar")) {
            r.getBody().readAllBytes();
        } catch (IOException e) {
            throw new EngineException("copying into " + containerId + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public InputStream export(String containerId) {
        return closing(engine.open(GET, "/containers/" + encoded(containerId) + "/export",
                null, null));
    }

    @Override
    public String commit(String containerId, CommitSpec spec) {
        StringBuilder path = new StringBuilder("/commit?container=").append(encoded(containerId))
                .append("&pause=").append(spec.pause());
        if (spec.reference() != null && !spec.reference().isEmpty()) {
            ImageRef ref = ImageRef.parse(spec.reference());
            path.append("&repo=").append(encoded(ref.repository()));
            if (ref.tag() != null) {
                path.append("&tag=").append(encoded(ref.tag()));
            }
        }
        if (spec.comment() != null) {
            path.append("&comment=").append(encoded(spec.comment()));
        }
        if (spec.author() != null) {
            path.append("&author=").append(encoded(spec.author()));
        }
        spec.changes().forEach(c -> path.append("&changes=").append(encoded(c)));
        try (DockerHttpClient.Response r = engine.open(POST, path.toString(), null, null)) {
            return JsonTrees.read(r.getBody().readAllBytes()).path("Id").asText();
        } catch (IOException e) {
            throw new EngineException("committing " + containerId + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Subscription stats(String containerId, boolean stream, Consumer<StatsSample> sink) {
        DockerHttpClient.Response response = engine.open(GET, "/containers/"
                + encoded(containerId) + "/stats?stream=" + stream, null, null);
        return EngineStream.of(response, "jcompose-stats", body -> JsonTrees.readEach(body,
                n -> sink.accept(StatsReadings.sample(containerId, n))));
    }

    /** The answer's body, which closes the answer when it is closed. */
    private static InputStream closing(DockerHttpClient.Response response) {
        return new FilterInputStream(response.getBody()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    response.close();
                }
            }
        };
    }
}
