package dev.jcompose.runtime;

import static com.github.dockerjava.transport.DockerHttpClient.Request.Method.DELETE;
import static com.github.dockerjava.transport.DockerHttpClient.Request.Method.POST;
import static com.github.dockerjava.transport.DockerHttpClient.Request.Method.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.BuildSpec;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.CopiedFile;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.ContainerTools;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineEvent;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.EngineInfo;
import dev.jcompose.planner.engine.HealthSchedule;
import dev.jcompose.planner.engine.ExecSpec;
import dev.jcompose.planner.engine.ImageProgress;
import dev.jcompose.planner.engine.ImageSummary;
import dev.jcompose.planner.engine.LogLine;
import dev.jcompose.planner.engine.LogOptions;
import dev.jcompose.planner.engine.NetworkSpec;
import dev.jcompose.planner.engine.NetworkSummary;
import dev.jcompose.planner.engine.ProcessList;
import dev.jcompose.planner.engine.StreamIO;
import dev.jcompose.planner.engine.Subscription;
import dev.jcompose.planner.engine.VolumeSpec;
import dev.jcompose.planner.engine.VolumeSummary;
import dev.jcompose.runtime.context.DockerClientOptions;
import dev.jcompose.runtime.context.DockerEndpoint;
import dev.jcompose.runtime.context.EndpointResolver;
import dev.jcompose.runtime.transport.EngineTransport;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The {@link Engine} port on the Docker Engine API, through docker-java. The only place
 * docker-java types appear; its exceptions become {@link EngineException}s. The client is
 * created on first use, so commands that never touch the engine pay nothing for it.
 */
public final class DockerEngine implements Engine {


    private final DockerEndpoint endpoint;
    private final String host;
    private final Object lock = new Object();
    private volatile DockerClient client;
    private volatile DockerHttpClient http;
    private DockerClientConfig config;
    private EngineTransport transport;
    private final DockerImages images;
    private final DockerContainerTools tools = new DockerContainerTools(this);
    private final Map<String, String> env;
    private final KnownEngine known = new KnownEngine();
    private final PodmanHealth podman = new PodmanHealth(this::getJson);
    /** container id + "/" + network: networks a create request attached (API 1.44+). */
    private final java.util.Set<String> attachedAtCreate =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    private DockerEngine(DockerEndpoint endpoint, Map<String, String> env) {
        this.endpoint = endpoint;
        this.host = endpoint.host();
        this.env = env;
        this.images = new DockerImages(this, RegistryAuth.fromEnvironment(env),
                PullRecords.fromEnvironment(env));
    }

    /**
     * The engine the environment names as the docker CLI resolves it (DOCKER_HOST,
     * DOCKER_CONTEXT, the current context, else the default socket).
     */
    public static DockerEngine fromEnvironment() {
        Map<String, String> env = System.getenv();
        return at(EndpointResolver.resolve(DockerClientOptions.NONE, env), env);
    }

    /** An engine at {@code host} ({@code unix:///var/run/docker.sock}, {@code tcp://h:2375}). */
    public static DockerEngine at(String host) {
        return at(host, System.getenv());
    }

    /**
     * An engine at {@code host}, with registry credentials found from {@code env}
     * ({@code DOCKER_CONFIG}, {@code HOME}, and the {@code PATH} of credential helpers).
     */
    public static DockerEngine at(String host, Map<String, String> env) {
        return new DockerEngine(DockerEndpoint.of(host), env);
    }

    /**
     * The engine at {@code endpoint} (a context's or the default one, with its TLS material),
     * reached through {@code ssh} or a TLS relay when it needs one; commands it runs get
     * {@code env}, which also locates registry credentials.
     */
    public static DockerEngine at(DockerEndpoint endpoint, Map<String, String> env) {
        return new DockerEngine(endpoint, env);
    }

    /** The endpoint this engine talks to. */
    public DockerEndpoint endpoint() {
        return endpoint;
    }

    public String host() {
        return host;
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

    private EngineException.Unavailable unavailable(Throwable e) {
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

    @Override
    public EngineInfo info() {
        // a JSON tree, as the lists: docker-java's client is not made for it
        JsonNode v = getJson("/version", "asking the engine's version");
        if (v == null) {
            throw new EngineException("asking the engine's version failed: HTTP 404");
        }
        EngineIdentity identity = EngineIdentity.fromVersion(v);
        known.set(identity);
        return new EngineInfo(host, v.path("Version").asText(null),
                v.path("ApiVersion").asText(null), v.path("Os").asText(null),
                identity.kind().toString());
    }

    /** Which engine this is and which API it speaks, from the answers so far or asked. */
    EngineIdentity identity() {
        return known.get(() -> {
            JsonNode v = getJson("/version", "asking the engine's version");
            return v == null ? new EngineIdentity(EngineIdentity.Kind.DOCKER, null, "1.24")
                    : EngineIdentity.fromVersion(v);
        });
    }

    // --- containers ---------------------------------------------------------------------------

    @Override
    public List<ContainerSummary> listContainers(Map<String, String> labels, boolean includeStopped) {
        // read as a JSON tree through the raw API: binding docker-java's Container beans costs
        // Jackson's introspection of a dozen classes on the first list of every command, about
        // 40 ms of CPU in a command that lasts 250 ms (docs/PERFORMANCE.md)
        JsonNode list = getJson(withLabelFilter("/containers/json?all=" + includeStopped, labels),
                "listing containers");
        List<ContainerSummary> out = new ArrayList<>();
        if (list != null) {
            list.forEach(c -> out.add(EngineAnswers.container(c)));
        }
        return known.isPodman() ? podman.withHealth(out.stream().map(PodmanAnswers::container)
                .toList(), labels, includeStopped) : out;
    }

    /** {@code path} with a {@code filters} query selecting {@code labels} (none: as it is). */
    private static String withLabelFilter(String path, Map<String, String> labels) {
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
    private JsonNode request(DockerHttpClient.Request.Method method, String path, JsonNode json) {
        return request(method, path, JsonTrees.write(json), "application/json");
    }

    private JsonNode request(DockerHttpClient.Request.Method method, String path, byte[] body,
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

    private static String encoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The engine's {@code message} in an error body, else the body as it is. */
    private static String message(byte[] body) {
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

    @Override
    public Optional<ContainerSummary> inspectContainer(String idOrName) {
        // a JSON tree, as the lists: docker-java's InspectContainerResponse beans cost Jackson's
        // databind introspection, ~100 ms of CPU on the first dependency wait of an up
        JsonNode inspected = getJson("/containers/" + encoded(idOrName) + "/json",
                "inspecting container " + idOrName);
        if (inspected != null && known.isPodman()) {
            PodmanAnswers.dockerState(inspected);
            podman.watch(inspected);
        }
        return Optional.ofNullable(inspected).map(EngineAnswers::inspected)
                .map(c -> known.isPodman() ? PodmanAnswers.container(c) : c);
    }

    @Override
    public Optional<HealthSchedule> healthSchedule(String idOrName) {
        JsonNode h = Optional.ofNullable(getJson("/containers/" + encoded(idOrName) + "/json",
                "inspecting container " + idOrName)).map(r -> r.path("Config")
                .path("Healthcheck")).orElse(MissingNode.getInstance());
        JsonNode test = h.path("Test");
        if (!h.isObject() || test.size() > 0 && "NONE".equals(test.get(0).asText())) {
            return Optional.empty();
        }
        return Optional.of(HealthSchedule.of(Duration.ofNanos(h.path("Interval").asLong()),
                Duration.ofNanos(h.path("Timeout").asLong()),
                Duration.ofNanos(h.path("StartPeriod").asLong()), h.path("Retries").asInt()));
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        String query = "?name=" + encoded(spec.name());
        if (spec.platform() != null) {
            query += "&platform=" + encoded(spec.platform());
        }
        EngineIdentity engine = identity();
        ApiFeatures.check(spec, engine);
        var body = RequestBodies.container(spec);
        List<String> atCreate = ApiFeatures.adapt(body, spec, engine);
        String id = request(POST, "/containers/create" + query, body).path("Id").asText();
        atCreate.forEach(network -> attachedAtCreate.add(id + "/" + network));
        if (!spec.links().isEmpty() && !spec.networks().isEmpty()) {
            // on a user network the links are the endpoint's: the first network is attached
            // again with them
            ContainerSpec.NetworkAttachment first = spec.networks().get(0);
            disconnect(id, first.network(), false);
            connect(id, first, spec.links().stream().map(RequestBodies::link).toList());
        }
        return id;
    }

    @Override
    public void disconnectNetwork(String containerId, String network) {
        disconnect(containerId, network, true);
    }

    private void disconnect(String containerId, String network, boolean force) {
        request(POST, "/networks/" + encoded(network) + "/disconnect",
                RequestBodies.disconnect(containerId, force));
    }

    @Override
    public void putFiles(String containerId, List<ContainerSpec.File> files) {
        putArchive(containerId, tar -> {
            for (ContainerSpec.File f : files) {
                var entry = new TarArchiveEntry(f.path().replaceFirst("^/+", ""));
                entry.setMode(f.mode());
                entry.setUserId(f.uid());
                entry.setGroupId(f.gid());
                entry.setModTime(System.currentTimeMillis());
                write(tar, entry, f.content().getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    @Override
    public void copyToContainer(String containerId, List<CopiedFile> files) {
        putArchive(containerId, tar -> {
            for (CopiedFile f : files) {
                String name = f.target().replaceFirst("^/+", "");
                try {
                    if (Files.isDirectory(f.source())) {
                        tar.putArchiveEntry(new TarArchiveEntry(f.source(), name + "/"));
                        tar.closeArchiveEntry();
                    } else if (Files.isRegularFile(f.source())) {
                        // read first: a file being rewritten must not change size mid-entry
                        byte[] content = Files.readAllBytes(f.source());
                        write(tar, new TarArchiveEntry(f.source(), name), content);
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // deleted since listed: its deletion is the caller's next change
                }
            }
        });
    }

    /** Writes the entries {@code body} adds into a tar and extracts it at the container's /. */
    private void putArchive(String containerId, TarBody body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            body.write(tar);
            tar.finish();
        } catch (java.io.IOException e) {
            throw new EngineException("cannot pack files for " + containerId + ": "
                    + e.getMessage());
        }
        request(PUT, "/containers/" + encoded(containerId) + "/archive?path=%2F",
                bytes.toByteArray(), "application/x-tar");
    }

    private static void write(TarArchiveOutputStream tar, TarArchiveEntry entry, byte[] content)
            throws java.io.IOException {
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** Adds entries to a tar. */
    @FunctionalInterface
    private interface TarBody {
        void write(TarArchiveOutputStream tar) throws java.io.IOException;
    }

    @Override
    public void connectNetwork(String containerId, ContainerSpec.NetworkAttachment a) {
        if (attachedAtCreate.remove(containerId + "/" + a.network())) {
            return;
        }
        connect(containerId, a, List.of());
    }

    private void connect(String containerId, ContainerSpec.NetworkAttachment a,
            List<String> links) {
        request(POST, "/networks/" + encoded(a.network()) + "/connect",
                ApiFeatures.connect(containerId, a, links));
    }

    @Override
    public void startContainer(String containerId) {
        // 304: already running
        send(POST, "/containers/" + encoded(containerId) + "/start");
    }

    @Override
    public void stopContainer(String containerId, Duration timeout) {
        // 304: already stopped
        send(POST, "/containers/" + encoded(containerId) + "/stop"
                + (timeout == null ? "" : "?t=" + Math.max(0, timeout.toSeconds())));
        listCatchUp(containerId);
    }

    /** Returns once the engine's lists no longer show the stopped container running. */
    private void listCatchUp(String containerId) {
        if (ListCatchUp.needed(identity())) {
            ListCatchUp.await(() -> {
                JsonNode listed = getJson("/containers/json?filters=" + encoded(JsonTrees.filters(
                        Map.of("id", List.of(containerId)))), "listing containers");
                if (listed == null || listed.isEmpty()) {
                    return false;
                }
                JsonNode inspected = getJson("/containers/" + encoded(containerId) + "/json",
                        "inspecting container " + containerId);
                return inspected != null && !inspected.path("State").path("Running").asBoolean();
            });
        }
    }

    @Override
    public void killContainer(String containerId, String signal) {
        send(POST, "/containers/" + encoded(containerId) + "/kill"
                + (signal == null ? "" : "?signal=" + encoded(signal)));
    }

    @Override
    public int exec(ExecSpec spec, StreamIO io) throws InterruptedException {
        String execId = call(() -> {
            var cmd = client().execCreateCmd(spec.containerId())
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
        StreamCallback<Frame> output = new StreamCallback<>() {
            @Override
            public void onNext(Frame frame) {
                try {
                    var target = frame.getStreamType() == StreamType.STDERR ? io.stderr()
                            : io.stdout();
                    target.write(frame.getPayload());
                    target.flush();
                } catch (java.io.IOException e) {
                    // the caller stopped reading; the command runs on
                }
            }
        };
        call(() -> {
            var start = client().execStartCmd(execId).withDetach(false).withTty(spec.tty());
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
        Long code = call(() -> client().inspectExecCmd(execId).exec().getExitCodeLong());
        return code == null ? -1 : code.intValue();
    }

    @Override
    public Subscription attach(String containerId, StreamIO io) {
        StreamCallback<Frame> callback = new StreamCallback<>() {
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
        call(() -> {
            // the stream only, not the logs so far: the engine connects the container's output
            // before it answers, so an attach made before the start misses nothing, and a replay
            // of the log file could repeat what the started container wrote in the meantime
            var cmd = client().attachContainerCmd(containerId).withStdOut(true).withStdErr(true)
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

    @Override
    public ProcessList top(String containerId) {
        return call(() -> {
            var top = client().topContainerCmd(containerId).exec();
            List<List<String>> rows = new ArrayList<>();
            if (top.getProcesses() != null) {
                for (String[] p : top.getProcesses()) {
                    rows.add(List.of(p));
                }
            }
            ProcessList out = new ProcessList(top.getTitles() == null ? List.of()
                    : List.of(top.getTitles()), rows);
            return identity().isPodman() ? PodmanAnswers.top(out) : out;
        });
    }

    @Override
    public int waitContainer(String containerId) throws InterruptedException {
        if (identity().isPodman()) {
            return PodmanWait.await(containerId, () -> inspectContainer(containerId));
        }
        var callback = call(() -> client().waitContainerCmd(containerId)
                .exec(new com.github.dockerjava.api.command.WaitContainerResultCallback()));
        try {
            int code = callback.awaitStatusCode();
            listCatchUp(containerId);
            return code;
        } catch (com.github.dockerjava.api.exception.DockerClientException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            throw new EngineException(e.getMessage(), e);
        }
    }

    @Override
    public void pauseContainer(String containerId) {
        send(POST, "/containers/" + encoded(containerId) + "/pause");
    }

    @Override
    public void unpauseContainer(String containerId) {
        send(POST, "/containers/" + encoded(containerId) + "/unpause");
    }

    @Override
    public void removeContainer(String containerId, boolean force, boolean removeVolumes) {
        send(DELETE, "/containers/" + encoded(containerId) + "?force=" + force + "&v="
                + removeVolumes);
    }

    @Override
    public void renameContainer(String containerId, String newName) {
        send(POST, "/containers/" + encoded(containerId) + "/rename?name=" + encoded(newName));
    }

    // --- networks and volumes -------------------------------------------------------------------

    @Override
    public List<NetworkSummary> listNetworks(Map<String, String> labels) {
        // networks and volumes as JSON trees too, for the reason given at listContainers
        JsonNode list = getJson(withLabelFilter("/networks", labels), "listing networks");
        List<NetworkSummary> out = new ArrayList<>();
        if (list != null) {
            list.forEach(n -> out.add(EngineAnswers.network(n)));
        }
        return out;
    }

    private static List<String> labelFilters(Map<String, String> labels) {
        List<String> out = new ArrayList<>();
        labels.forEach((k, v) -> out.add(v == null || v.isEmpty() ? k : k + "=" + v));
        return out;
    }

    @Override
    public Optional<NetworkSummary> inspectNetwork(String name) {
        return Optional.ofNullable(getJson("/networks/" + name, "inspecting network " + name))
                .map(EngineAnswers::network);
    }

    @Override
    public void createNetwork(NetworkSpec spec) {
        try {
            request(POST, "/networks/create", RequestBodies.network(spec));
        } catch (EngineException e) {
            throw known.isPodman() ? PodmanAnswers.conflict(e) : e;
        }
    }

    @Override
    public void removeNetwork(String name) {
        try {
            send(DELETE, "/networks/" + encoded(name));
        } catch (EngineException e) {
            if (e.getMessage() != null && e.getMessage().contains("has active endpoints")
                    && attachedContainers(name) == 0) {
                throw new EngineException("network " + name + " cannot be removed: the engine "
                        + "still counts an endpoint on it although no container is attached. "
                        + "This is a Docker Engine bug (moby/moby#42119, seen with 20.10 when "
                        + "many containers stop at once); restarting the engine clears it, and "
                        + "running down again then removes the network.", e);
            }
            throw e;
        }
    }

    /** How many containers the engine lists on network {@code name} (-1 when it cannot tell). */
    private int attachedContainers(String name) {
        try {
            JsonNode network = getJson("/networks/" + encoded(name), "inspecting network " + name);
            return network == null ? 0 : network.path("Containers").size();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public List<VolumeSummary> listVolumes(Map<String, String> labels) {
        JsonNode list = getJson(withLabelFilter("/volumes", labels), "listing volumes");
        List<VolumeSummary> out = new ArrayList<>();
        if (list != null) {
            list.path("Volumes").forEach(v -> out.add(EngineAnswers.volume(v)));
        }
        return out;
    }

    @Override
    public Optional<VolumeSummary> inspectVolume(String name) {
        return Optional.ofNullable(getJson("/volumes/" + name, "inspecting volume " + name))
                .map(EngineAnswers::volume);
    }

    @Override
    public void createVolume(VolumeSpec spec) {
        try {
            request(POST, "/volumes/create", RequestBodies.volume(spec));
        } catch (EngineException e) {
            throw known.isPodman() ? PodmanAnswers.conflict(e) : e;
        }
    }

    @Override
    public void removeVolume(String name) {
        send(DELETE, "/volumes/" + encoded(name));
    }

    // --- images (build, pull, push and credentials live in DockerImages) --------------------------

    @Override
    public Optional<String> imageId(String reference) {
        return images.inspect(reference).map(ImageSummary::id);
    }

    @Override
    public void pullImage(String reference, ImageProgress progress) {
        images.pull(reference, progress);
    }

    @Override
    public void buildImage(BuildSpec spec, ImageProgress progress) {
        images.build(spec, progress);
    }

    @Override
    public void removeImage(String reference) {
        images.remove(reference);
    }

    @Override
    public Optional<ImageSummary> inspectImage(String reference) {
        return images.inspect(reference).map(i -> known.isPodman() ? PodmanAnswers.image(i) : i);
    }

    @Override
    public List<ImageSummary> listImages(Map<String, String> labels) {
        List<ImageSummary> out = images.list(labels);
        return known.isPodman() ? out.stream().map(PodmanAnswers::image).toList() : out;
    }

    @Override
    public void tagImage(String source, String target) {
        images.tag(source, target);
    }

    @Override
    public void pushImage(String reference, ImageProgress progress) {
        images.push(reference, progress);
    }

    @Override
    public ContainerTools tools() {
        return tools;
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

    // --- streams ----------------------------------------------------------------------------------

    @Override
    public Subscription logs(String containerId, LogOptions options, Consumer<LogLine> sink) {
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
        PodmanLogs podmanFollow = options.follow() && known.isPodman() ? new PodmanLogs() : null;
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
        Subscription stream = EngineStream.request(() -> http().execute(request), "jcompose-logs",
                body -> FrameLines.demultiplex(body, out, err), () -> {
                    out.flush();
                    err.flush();
                });
        return podmanFollow == null ? stream
                : podmanFollow.endWhenStopped(stream, containerId, () -> inspectContainer(containerId));
    }

    /** Seconds since the epoch as the Engine API's int, clamped (times past 2038 saturate). */
    private static int epochSeconds(Instant t) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, t.getEpochSecond()));
    }

    @Override
    public Subscription events(Map<String, String> labels, Consumer<EngineEvent> sink) {
        // read as JSON trees off the raw stream: binding docker-java's Event beans costs
        // Jackson's databind, ~50 ms of CPU when a dependency wait first subscribes
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("label", labelFilters(labels));
        filters.put("type", List.of("container"));
        String path = "/events?filters=" + URLEncoder.encode(JsonTrees.filters(filters),
                StandardCharsets.UTF_8);
        DockerHttpClient.Response response = call(() -> http().execute(
                DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                        .path(path).build()));
        if (response.getStatusCode() / 100 != 2) {
            try (response) {
                byte[] body = response.getBody().readAllBytes();
                throw new EngineException("subscribing to events failed: HTTP "
                        + response.getStatusCode() + " " + message(body));
            } catch (IOException e) {
                throw unavailable(e);
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
        return known.isPodman() ? podman.alongside(stream, labels, sink) : stream;
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

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // closing a finished stream
        }
    }

    @Override
    public void close() {
        podman.close();
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
}
