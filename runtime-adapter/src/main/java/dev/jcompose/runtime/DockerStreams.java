package dev.jcompose.runtime;

import static dev.jcompose.runtime.EngineConnection.closeQuietly;
import static dev.jcompose.runtime.EngineConnection.encoded;
import static dev.jcompose.runtime.EngineConnection.labelFilters;
import static dev.jcompose.runtime.EngineConnection.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.EngineEvent;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ExecSpec;
import dev.jcompose.planner.engine.LogLine;
import dev.jcompose.planner.engine.LogOptions;
import dev.jcompose.planner.engine.StreamIO;
import dev.jcompose.planner.engine.Subscription;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What streams between jcompose and a container: a command run in it ({@code exec}), its
 * standard streams attached, its log, and the engine's events (with the health changes found by
 * {@link PodmanHealth} on Podman).
 */
final class DockerStreams {

    private final EngineConnection api;
    private final PodmanHealth podman;
    /** A container's current state, for following a log on Podman until the container stops. */
    private final Function<String, Optional<ContainerSummary>> inspect;

    DockerStreams(EngineConnection api, PodmanHealth podman,
            Function<String, Optional<ContainerSummary>> inspect) {
        this.api = api;
        this.podman = podman;
        this.inspect = inspect;
    }

    int exec(ExecSpec spec, StreamIO io) throws InterruptedException {
        String execId = api.call(() -> {
            var cmd = api.client().execCreateCmd(spec.containerId())
                    .withCmd(spec.command().toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true)
                    .withAttachStdin(spec.attachStdin()).withTty(spec.tty())
                    .withPrivileged(spec.privileged());
            if (!spec.env().isEmpty()) {
                cmd.withEnv(spec.env());
            }
            if (spec.user() != null) {
                cmd.withUser(spec.user());
            }
            if (spec.workingDir() != null) {
                cmd.withWorkingDir(spec.workingDir());
            }
            return cmd.exec().getId();
        });
        StreamCallback<Frame> output = frames(io);
        api.call(() -> {
            var start = api.client().execStartCmd(execId).withDetach(false).withTty(spec.tty());
            if (spec.attachStdin() && io.stdin() != null) {
                start.withStdIn(io.stdin());
            }
            return start.exec(output);
        });
        try {
            output.awaitCompletion();
        } finally {
            closeQuietly(output);
        }
        if (output.failure() != null) {
            throw new EngineException("exec failed: " + output.failure().getMessage(),
                    output.failure());
        }
        Long code = api.call(() -> api.client().inspectExecCmd(execId).exec().getExitCodeLong());
        return code == null ? -1 : code.intValue();
    }

    Subscription attach(String containerId, StreamIO io) {
        StreamCallback<Frame> callback = frames(io);
        api.call(() -> {
            // the stream only, not the logs so far: the engine connects the container's output
            // before it answers, so an attach made before the start misses nothing, and a replay
            // of the log file could repeat what the started container wrote in the meantime
            var cmd = api.client().attachContainerCmd(containerId).withStdOut(true).withStdErr(true)
                    .withFollowStream(true).withLogs(false);
            if (io.stdin() != null) {
                cmd.withStdIn(io.stdin());
            }
            return cmd.exec(callback);
        });
        try {
            callback.awaitStarted();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(callback);
            throw new EngineException("interrupted while attaching to " + containerId, e);
        }
        return subscription(callback);
    }

    Subscription logs(String containerId, LogOptions options, Consumer<LogLine> sink) {
        // the Engine API takes whole seconds; for sub-second bounds, ask for timestamps and cut
        // the lines at the exact instants here (a restart's new lines start mid-second)
        Instant since = options.since();
        Instant until = options.until();
        boolean bounded = since != null || until != null;
        Consumer<LogLine> lines = !bounded ? sink : line -> {
            Instant ts = line.timestamp();
            if (ts != null && (since != null && ts.isBefore(since)
                    || until != null && ts.isAfter(until))) {
                return;
            }
            sink.accept(options.timestamps() ? line
                    : new LogLine(line.containerId(), line.stream(), null, line.text()));
        };
        PodmanLogs podmanFollow = options.follow() && api.isPodman() ? new PodmanLogs() : null;
        Consumer<LogLine> delivered = podmanFollow == null ? lines : podmanFollow.watching(lines);
        FrameLines out = new FrameLines(containerId, LogLine.Stream.STDOUT,
                options.timestamps() || bounded, delivered);
        FrameLines err = new FrameLines(containerId, LogLine.Stream.STDERR,
                options.timestamps() || bounded, delivered);
        StringBuilder path = new StringBuilder("/containers/").append(encoded(containerId))
                .append("/logs?stdout=true&stderr=true&follow=").append(options.follow())
                .append("&timestamps=").append(options.timestamps() || bounded);
        if (options.tail() >= 0) {
            path.append("&tail=").append(options.tail());
        }
        if (since != null) {
            path.append("&since=").append(epochSeconds(since));
        }
        if (until != null) {
            path.append("&until=").append(epochSeconds(until) + (until.getNano() > 0 ? 1 : 0));
        }
        // the raw stream, not docker-java's command layer: a logs or attached up then never
        // makes docker-java's client (its Jackson set-up)
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path.toString()).build();
        Subscription stream = EngineStream.request(() -> api.http().execute(request),
                "jcompose-logs",
                body -> FrameLines.demultiplex(body, out, err), () -> {
                    out.flush();
                    err.flush();
                });
        return podmanFollow == null ? stream
                : podmanFollow.endWhenStopped(stream, containerId,
                        () -> inspect.apply(containerId));
    }

    /** Seconds since the epoch as the Engine API's int, clamped (times past 2038 saturate). */
    private static int epochSeconds(Instant t) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, t.getEpochSecond()));
    }

    Subscription events(Map<String, String> labels, Consumer<EngineEvent> sink) {
        // read as JSON trees off the raw stream: binding docker-java's Event beans costs
        // Jackson's databind, ~50 ms of CPU when a dependency wait first subscribes
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("label", labelFilters(labels));
        filters.put("type", List.of("container"));
        String path = "/events?filters=" + URLEncoder.encode(JsonTrees.filters(filters),
                StandardCharsets.UTF_8);
        DockerHttpClient.Response response = api.call(() -> api.http().execute(
                DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                        .path(path).build()));
        if (response.getStatusCode() / 100 != 2) {
            try (response) {
                byte[] body = response.getBody().readAllBytes();
                throw new EngineException("subscribing to events failed: HTTP "
                        + response.getStatusCode() + " " + message(body));
            } catch (IOException e) {
                throw api.unavailable(e);
            }
        }
        // the engine has registered the subscription once it answered: no event after this
        // point is missed
        Subscription stream = EngineStream.of(response, "jcompose-events", body -> JsonTrees.readEach(body, e -> {
            JsonNode actor = e.path("Actor");
            Map<String, String> attributes = new LinkedHashMap<>();
            actor.path("Attributes").properties()
                    .forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
            String action = e.hasNonNull("Action") ? e.path("Action").asText()
                    : e.path("status").asText(null);
            String id = e.hasNonNull("id") ? e.path("id").asText() : actor.path("ID").asText(null);
            sink.accept(new EngineEvent(e.path("Type").asText(""), action, id, attributes,
                    e.path("timeNano").asLong(0)));
        }));
        return api.isPodman() ? podman.alongside(stream, labels, sink) : stream;
    }

    /**
     * A callback writing the frames of a multiplexed stream to {@code io}'s stdout and stderr;
     * once the caller stops reading, the rest is dropped (the container or command runs on).
     */
    private static StreamCallback<Frame> frames(StreamIO io) {
        return new StreamCallback<>() {
            @Override
            public void onNext(Frame frame) {
                try {
                    var target = frame.getStreamType() == StreamType.STDERR ? io.stderr()
                            : io.stdout();
                    target.write(frame.getPayload());
                    target.flush();
                } catch (java.io.IOException e) {
                    // the caller stopped reading
                }
            }
        };
    }

    private static Subscription subscription(ResultCallback.Adapter<?> callback) {
        return new Subscription() {
            @Override
            public void awaitCompletion() throws InterruptedException {
                callback.awaitCompletion();
            }

            @Override
            public void close() {
                closeQuietly(callback);
            }
        };
    }
}
