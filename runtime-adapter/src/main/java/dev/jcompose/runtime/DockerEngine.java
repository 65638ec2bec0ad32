package dev.jcompose.runtime;


import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.jcompose.planner.engine.BuildSpec;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.ContainerTools;
import dev.jcompose.planner.engine.CopiedFile;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineEvent;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.EngineInfo;
import dev.jcompose.planner.engine.ExecSpec;
import dev.jcompose.planner.engine.HealthSchedule;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@link Engine} port on the Docker Engine API (Docker, and Podman's compatible API). The
 * only place docker-java types appear; its exceptions become {@link EngineException}s. Each job
 * has its class: the connection and its error translation ({@link EngineConnection}),
 * containers ({@link DockerContainers}), files put into them ({@link ContainerArchives}),
 * networks and volumes ({@link DockerNetworks}), exec, attach, logs and events
 * ({@link DockerStreams}), images ({@link DockerImages}), and archives, export, commit and
 * statistics ({@link DockerContainerTools}).
 */
public final class DockerEngine implements Engine {

    private final DockerEndpoint endpoint;
    private final EngineConnection api;
    private final PodmanHealth podman;
    private final DockerContainers containers;
    private final ContainerArchives archives;
    private final DockerNetworks networks;
    private final DockerStreams streams;
    private final DockerImages images;
    private final DockerContainerTools tools = new DockerContainerTools(this);

    private DockerEngine(DockerEndpoint endpoint, Map<String, String> env) {
        this.endpoint = endpoint;
        this.api = new EngineConnection(endpoint, env);
        this.podman = new PodmanHealth(api::getJson);
        this.containers = new DockerContainers(api, podman);
        this.archives = new ContainerArchives(api);
        this.networks = new DockerNetworks(api);
        this.streams = new DockerStreams(api, podman, containers::inspectContainer);
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
        return api.host();
    }

    // --- the connection, for the other classes of the adapter ---------------------------------

    DockerHttpClient http() {
        return api.http();
    }

    DockerClient client() {
        return api.client();
    }

    /** Runs an engine call, translating docker-java's exceptions into ours. */
    <T> T call(Supplier<T> fn) {
        return api.call(fn);
    }

    void run(Runnable fn) {
        api.run(fn);
    }

    /** See {@link EngineConnection#getJson}. */
    JsonNode getJson(String path, String doing) {
        return api.getJson(path, doing);
    }

    /** See {@link EngineConnection#send}. */
    void send(DockerHttpClient.Request.Method method, String path) {
        api.send(method, path);
    }

    /** See {@link EngineConnection#open}. */
    DockerHttpClient.Response open(DockerHttpClient.Request.Method method, String path,
            java.io.InputStream body, String type) {
        return api.open(method, path, body, type);
    }

    /** Which engine this is and which API it speaks, from the answers so far or asked. */
    EngineIdentity identity() {
        return api.identity();
    }

    @Override
    public EngineInfo info() {
        // a JSON tree, as the lists: docker-java's client is not made for it
        JsonNode v = getJson("/version", "asking the engine's version");
        if (v == null) {
            throw new EngineException("asking the engine's version failed: HTTP 404");
        }
        EngineIdentity identity = EngineIdentity.fromVersion(v);
        api.identified(identity);
        return new EngineInfo(api.host(), v.path("Version").asText(null),
                v.path("ApiVersion").asText(null), v.path("Os").asText(null),
                identity.kind().toString());
    }

    // --- containers ---------------------------------------------------------------------------

    @Override
    public List<ContainerSummary> listContainers(Map<String, String> labels,
            boolean includeStopped) {
        return containers.listContainers(labels, includeStopped);
    }

    @Override
    public Optional<ContainerSummary> inspectContainer(String idOrName) {
        return containers.inspectContainer(idOrName);
    }

    @Override
    public Optional<HealthSchedule> healthSchedule(String idOrName) {
        return containers.healthSchedule(idOrName);
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        return containers.createContainer(spec);
    }

    @Override
    public void connectNetwork(String containerId, ContainerSpec.NetworkAttachment a) {
        containers.connectNetwork(containerId, a);
    }

    @Override
    public void disconnectNetwork(String containerId, String network) {
        containers.disconnectNetwork(containerId, network);
    }

    @Override
    public void putFiles(String containerId, List<ContainerSpec.File> files) {
        archives.putFiles(containerId, files);
    }

    @Override
    public void copyToContainer(String containerId, List<CopiedFile> files) {
        archives.copyToContainer(containerId, files);
    }

    @Override
    public void startContainer(String containerId) {
        containers.startContainer(containerId);
    }

    @Override
    public void stopContainer(String containerId, Duration timeout) {
        containers.stopContainer(containerId, timeout);
    }

    @Override
    public void killContainer(String containerId, String signal) {
        containers.killContainer(containerId, signal);
    }

    @Override
    public int waitContainer(String containerId) throws InterruptedException {
        return containers.waitContainer(containerId);
    }

    @Override
    public ProcessList top(String containerId) {
        return containers.top(containerId);
    }

    @Override
    public void pauseContainer(String containerId) {
        containers.pauseContainer(containerId);
    }

    @Override
    public void unpauseContainer(String containerId) {
        containers.unpauseContainer(containerId);
    }

    @Override
    public void removeContainer(String containerId, boolean force, boolean removeVolumes) {
        containers.removeContainer(containerId, force, removeVolumes);
    }

    @Override
    public void renameContainer(String containerId, String newName) {
        containers.renameContainer(containerId, newName);
    }

    // --- networks and volumes -------------------------------------------------------------------

    @Override
    public List<NetworkSummary> listNetworks(Map<String, String> labels) {
        return networks.listNetworks(labels);
    }

    @Override
    public Optional<NetworkSummary> inspectNetwork(String name) {
        return networks.inspectNetwork(name);
    }

    @Override
    public void createNetwork(NetworkSpec spec) {
        networks.createNetwork(spec);
    }

    @Override
    public void removeNetwork(String name) {
        networks.removeNetwork(name);
    }

    @Override
    public List<VolumeSummary> listVolumes(Map<String, String> labels) {
        return networks.listVolumes(labels);
    }

    @Override
    public Optional<VolumeSummary> inspectVolume(String name) {
        return networks.inspectVolume(name);
    }

    @Override
    public void createVolume(VolumeSpec spec) {
        networks.createVolume(spec);
    }

    @Override
    public void removeVolume(String name) {
        networks.removeVolume(name);
    }

    // --- images (build, pull, push and credentials live in DockerImages) ------------------

    @Override
    public Optional<String> imageId(String reference) {
        return images.inspect(reference).map(ImageSummary::id);
    }

    @Override
    public String registryDigest(String reference) {
        JsonNode answer = call(() -> getJson("/distribution/" + reference + "/json",
                "reading the digest of " + reference + " from its registry"));
        String digest = answer == null ? null
                : answer.path("Descriptor").path("digest").asText(null);
        if (digest == null) {
            throw new EngineException("reading the digest of " + reference + " from its "
                    + "registry failed: no such image there");
        }
        return digest;
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
        return images.inspect(reference).map(i -> api.isPodman() ? PodmanAnswers.image(i) : i);
    }

    @Override
    public List<ImageSummary> listImages(Map<String, String> labels) {
        List<ImageSummary> out = images.list(labels);
        return api.isPodman() ? out.stream().map(PodmanAnswers::image).toList() : out;
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

    // --- streams --------------------------------------------------------------------------

    @Override
    public int exec(ExecSpec spec, StreamIO io) throws InterruptedException {
        return streams.exec(spec, io);
    }

    @Override
    public Subscription attach(String containerId, StreamIO io) {
        return streams.attach(containerId, io);
    }

    @Override
    public Subscription logs(String containerId, LogOptions options, Consumer<LogLine> sink) {
        return streams.logs(containerId, options, sink);
    }

    @Override
    public Subscription events(Map<String, String> labels, Consumer<EngineEvent> sink) {
        return streams.events(labels, sink);
    }

    @Override
    public void close() {
        podman.close();
        api.close();
    }
}
