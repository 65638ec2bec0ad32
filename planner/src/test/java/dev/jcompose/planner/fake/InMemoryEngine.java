package dev.jcompose.planner.fake;

import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.BuildSpec;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.ExecSpec;
import dev.jcompose.planner.engine.StreamIO;
import dev.jcompose.planner.engine.EngineEvent;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.EngineInfo;
import dev.jcompose.planner.engine.HealthSchedule;
import dev.jcompose.planner.engine.ImageProgress;
import dev.jcompose.planner.engine.ImageSummary;
import dev.jcompose.planner.engine.LogLine;
import dev.jcompose.planner.engine.LogOptions;
import dev.jcompose.planner.engine.NetworkSpec;
import dev.jcompose.planner.engine.NetworkSummary;
import dev.jcompose.planner.engine.ProcessList;
import dev.jcompose.planner.engine.Subscription;
import dev.jcompose.planner.engine.VolumeSpec;
import dev.jcompose.planner.engine.VolumeSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine in memory, for planner and service tests. Containers "run" their command in a tiny
 * interpretation: {@code echo WORDS} writes a log line (and to an attached stdout), {@code exit N}
 * exits with N; a command without {@code exit} keeps running until stopped. Exec interprets its
 * command the same way, {@code cat PATH} prints a file put into the container and
 * {@code rm PATH} removes it. A container with a healthcheck starts "starting"; a check of the
 * form {@code cat PATH} runs as the engine runs it ({@link FakeHealthchecks}), any other stays
 * "starting" until {@link #setHealth} changes it. Every call is recorded in {@link #calls()}.
 */
public final class InMemoryEngine implements Engine {

    /** A container's state in the fake. */
    public static final class Container {
        final String id;
        volatile String name;
        final ContainerSpec spec;
        volatile String state = "created";
        volatile String health;
        volatile Integer exitCode;
        final List<String> networks = new CopyOnWriteArrayList<>();
        final List<LogLine> logs = new CopyOnWriteArrayList<>();
        /** Files put into the container, by path. */
        final Map<String, String> files = new ConcurrentHashMap<>();
        /** Streams attached before start: they receive what the command writes. */
        final List<StreamIO> attached = new CopyOnWriteArrayList<>();
        /** Engine volumes by target: named ones, and a fresh 64-hex one per anonymous mount. */
        final Map<String, String> volumes = new LinkedHashMap<>();
        /** When it last started ({@link System#nanoTime}), and its failed checks in a row. */
        volatile long startedAt;
        volatile int failingStreak;

        Container(String id, ContainerSpec spec) {
            this.id = id;
            this.name = spec.name();
            this.spec = spec;
        }

        public ContainerSpec spec() {
            return spec;
        }

        public List<String> networks() {
            return List.copyOf(networks);
        }
    }

    private static final Pattern ECHO = Pattern.compile("echo ([^;&|]*)");
    private static final Pattern EXIT = Pattern.compile("exit (\\d+)");
    private static final Pattern CAT = Pattern.compile("^cat (\\S+)$");
    private static final Pattern RM = Pattern.compile("^rm (?:-f )?(\\S+)$");

    private final Map<String, Container> containers = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, NetworkSummary> networks = new ConcurrentHashMap<>();
    private final Map<String, VolumeSummary> volumes = new ConcurrentHashMap<>();
    private final Map<String, String> images = new ConcurrentHashMap<>();
    private final Map<String, ImageSummary> imageDetails = new ConcurrentHashMap<>();
    private final Set<String> registry = ConcurrentHashMap.newKeySet();
    private final Set<String> failingBuilds = ConcurrentHashMap.newKeySet();
    private final List<Consumer<EngineEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<ContainerSpec> createdSpecs = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final FakeHealthchecks health = new FakeHealthchecks(this::healthChanged);

    /** Makes {@code reference} present locally. */
    public InMemoryEngine withImage(String reference) {
        return withImage(reference, Instant.now());
    }

    /** Makes {@code reference} present locally, pulled (or built) at {@code lastTagged}. */
    public InMemoryEngine withImage(String reference, Instant lastTagged) {
        return withImage(reference, "sha256:" + Integer.toHexString(reference.hashCode()),
                Map.of(), lastTagged);
    }

    private InMemoryEngine withImage(String reference, String id, Map<String, String> labels,
            Instant lastTagged) {
        images.put(normalise(reference), id);
        imageDetails.put(id, new ImageSummary(id, List.of(), labels, lastTagged, lastTagged));
        return this;
    }

    /** Makes builds of {@code tag} fail at their second step with exit code 3. */
    public InMemoryEngine withFailingBuild(String tag) {
        failingBuilds.add(normalise(tag));
        return this;
    }

    /** Whether {@code reference} was pushed (or was made pullable). */
    public boolean inRegistry(String reference) {
        return registry.contains(reference);
    }

    /** {@code name} with {@code :latest} when it has no tag, as the engine lists references. */
    private static String normalise(String reference) {
        int slash = reference.lastIndexOf('/');
        return reference.indexOf(':', slash + 1) >= 0 || reference.contains("@") ? reference
                : reference + ":latest";
    }

    /** Makes {@code reference} pullable. */
    public InMemoryEngine withRegistryImage(String reference) {
        registry.add(reference);
        return this;
    }

    /** Every engine call made, in order: {@code create container demo-web-1}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Every container spec created, removed ones too, in order. */
    public List<ContainerSpec> createdSpecs() {
        return List.copyOf(createdSpecs);
    }

    public Container container(String name) {
        synchronized (containers) {
            return containers.values().stream().filter(c -> c.name.equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no container " + name));
        }
    }

    public List<Container> containers() {
        synchronized (containers) {
            return List.copyOf(containers.values());
        }
    }

    @Override
    public Optional<HealthSchedule> healthSchedule(String name) {
        Container c = byId(name);
        if (c == null || !hasHealthcheck(c.spec)) {
            return Optional.empty();
        }
        ContainerSpec.Health h = c.spec.healthcheck();
        return Optional.of(HealthSchedule.of(h.interval(), h.timeout(), h.startPeriod(),
                h.retries() == null ? null : h.retries().intValue()));
    }

    private static boolean hasHealthcheck(ContainerSpec spec) {
        return spec.healthcheck() != null && !spec.healthcheck().disabled();
    }

    /** Sets a container's health and emits the health_status event. */
    public void setHealth(String name, String health) {
        healthChanged(container(name), health);
    }

    private void healthChanged(Container c, String newHealth) {
        c.health = newHealth;
        emit(c, "health_status: " + newHealth, Map.of());
    }

    /** Makes a running container exit with {@code code}. */
    public void exit(String name, int code) {
        Container c = container(name);
        c.state = "exited";
        c.exitCode = code;
        emit(c, "die", Map.of("exitCode", Integer.toString(code)));
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo("memory://", "0-fake", "1.41", "linux");
    }

    @Override
    public List<ContainerSummary> listContainers(Map<String, String> labels, boolean includeStopped) {
        List<ContainerSummary> out = new ArrayList<>();
        for (Container c : containers()) {
            if (!includeStopped && !"running".equals(c.state)) {
                continue;
            }
            if (Labels.selected(c.spec.labels(), labels)) {
                out.add(summary(c));
            }
        }
        return out;
    }


    private ContainerSummary summary(Container c) {
        List<ContainerSummary.PublishedPort> ports = new ArrayList<>();
        if ("running".equals(c.state)) {
            for (ContainerSpec.PortBinding b : c.spec.portBindings()) {
                int host = b.hostPort().isEmpty() || b.hostPort().contains("-")
                        ? 32768 + ports.size() : Integer.parseInt(b.hostPort());
                ports.add(new ContainerSummary.PublishedPort(
                        b.hostIp().isEmpty() ? "0.0.0.0" : b.hostIp(), host, b.containerPort(),
                        b.protocol()));
            }
        }
        return new ContainerSummary(c.id, c.name, c.spec.image(),
                images.get(normalise(c.spec.image())),
                c.state, c.health, c.exitCode, c.spec.labels(), ports, 0, c.volumes);
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        calls.add("create container " + spec.name());
        createdSpecs.add(spec);
        if (!images.containsKey(normalise(spec.image()))) {
            throw new EngineException.NotFound("No such image: " + spec.image());
        }
        synchronized (containers) {
            for (Container c : containers.values()) {
                if (c.name.equals(spec.name())) {
                    throw new EngineException.Conflict("Conflict. The container name \"/"
                            + spec.name() + "\" is already in use by container \"" + c.id + "\"");
                }
            }
            String id = String.format("%064x", ids.incrementAndGet());
            Container c = new Container(id, spec);
            for (ContainerSpec.Mount m : spec.mounts()) {
                if ("volume".equals(m.type())) {
                    c.volumes.put(m.target(), m.source() != null ? m.source()
                            : String.format("%064x", 1_000_000 + ids.incrementAndGet()));
                }
            }
            if (!spec.networks().isEmpty()) {
                String net = spec.networks().get(0).network();
                if (!networks.containsKey(net)) {
                    throw new EngineException.NotFound("network " + net + " not found");
                }
                c.networks.add(net);
            }
            containers.put(id, c);
            emit(c, "create", Map.of());
            return id;
        }
    }

    @Override
    public void disconnectNetwork(String containerId, String network) {
        Container c = byId(containerId);
        calls.add("disconnect " + c.name + " " + network);
        c.networks.remove(network);
    }

    @Override
    public void putFiles(String containerId, List<ContainerSpec.File> files) {
        Container c = byId(containerId);
        for (ContainerSpec.File f : files) {
            calls.add("put " + c.name + " " + f.path());
            c.files.put(f.path(), f.content());
        }
    }

    @Override
    public void copyToContainer(String containerId,
            List<dev.jcompose.planner.engine.CopiedFile> files) {
        Container c = byId(containerId);
        for (var f : files) {
            calls.add("copy " + c.name + " " + f.target());
        }
    }

    @Override
    public void connectNetwork(String containerId, ContainerSpec.NetworkAttachment attachment) {
        Container c = byId(containerId);
        calls.add("connect " + c.name + " " + attachment.network());
        if (!networks.containsKey(attachment.network())) {
            throw new EngineException.NotFound("network " + attachment.network() + " not found");
        }
        c.networks.add(attachment.network());
    }

    @Override
    public void startContainer(String containerId) {
        Container c = byId(containerId);
        calls.add("start container " + c.name);
        if ("running".equals(c.state)) {
            return;
        }
        c.state = "running";
        c.exitCode = null;
        c.health = hasHealthcheck(c.spec) ? "starting" : null;
        c.startedAt = System.nanoTime();
        c.failingStreak = 0;
        emit(c, "start", Map.of());
        health.schedule(c);
        String script = c.spec.command() == null ? "" : String.join(" ", c.spec.command());
        Matcher echo = ECHO.matcher(script);
        while (echo.find()) {
            c.logs.add(new LogLine(c.id, LogLine.Stream.STDOUT, Instant.now(),
                    echo.group(1).strip()));
            for (StreamIO io : c.attached) {
                write(io.stdout(), echo.group(1).strip() + "\n");
            }
        }
        Matcher exit = EXIT.matcher(script);
        if (exit.find()) {
            c.state = "exited";
            c.exitCode = Integer.parseInt(exit.group(1));
            emit(c, "die", Map.of("exitCode", exit.group(1)));
        }
    }

    @Override
    public void stopContainer(String containerId, Duration timeout) {
        Container c = byId(containerId);
        calls.add("stop container " + c.name);
        if ("running".equals(c.state)) {
            c.state = "exited";
            c.exitCode = 137;
            emit(c, "die", Map.of("exitCode", "137"));
            emit(c, "stop", Map.of());
        }
    }

    @Override
    public void killContainer(String containerId, String signal) {
        Container c = byId(containerId);
        calls.add("kill container " + c.name);
        c.state = "exited";
        c.exitCode = 137;
        emit(c, "die", Map.of("exitCode", "137"));
    }

    /**
     * Runs the command in the fake's interpretation: {@code echo} to stdout, {@code exit N} as
     * the exit code, {@code cat PATH} of a file put into the container (exit 1 when absent).
     */
    @Override
    public int exec(ExecSpec spec, StreamIO io) {
        Container c = byId(spec.containerId());
        String script = String.join(" ", spec.command());
        calls.add("exec in " + c.name + ": " + script);
        if (!"running".equals(c.state)) {
            throw new EngineException.Conflict("container " + c.name + " is not running");
        }
        Matcher cat = CAT.matcher(script);
        if (cat.find()) {
            String content = c.files.get(cat.group(1));
            if (content != null && io != null) {
                write(io.stdout(), content);
            }
            return content == null ? 1 : 0;
        }
        Matcher rm = RM.matcher(script);
        if (rm.find()) {
            return c.files.remove(rm.group(1)) == null ? 1 : 0;
        }
        Matcher echo = ECHO.matcher(script);
        while (echo.find() && io != null) {
            write(io.stdout(), echo.group(1).strip() + "\n");
        }
        Matcher exit = EXIT.matcher(script);
        return exit.find() ? Integer.parseInt(exit.group(1)) : 0;
    }

    private static void write(java.io.OutputStream out, String text) {
        if (out == null) {
            return;
        }
        try {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Relays what the command writes once started (the fake writes it all at start, so the
     * subscription is complete when the container has started).
     */
    @Override
    public Subscription attach(String containerId, StreamIO io) {
        Container c = byId(containerId);
        calls.add("attach container " + c.name);
        c.attached.add(io);
        return new Subscription() {
            @Override
            public void awaitCompletion() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** A running fake container runs one process: its command. */
    @Override
    public ProcessList top(String containerId) {
        Container c = byId(containerId);
        calls.add("top container " + c.name);
        if (!"running".equals(c.state)) {
            throw new EngineException.Conflict("container " + c.name + " is not running");
        }
        String cmd = c.spec.command() == null ? "" : String.join(" ", c.spec.command());
        return new ProcessList(List.of("PID", "CMD"), List.of(List.of("1", cmd)));
    }

    /** A running fake container "finishes" when waited for: it exits 0. */
    @Override
    public int waitContainer(String containerId) {
        Container c = byId(containerId);
        calls.add("wait container " + c.name);
        if ("running".equals(c.state)) {
            c.state = "exited";
            c.exitCode = 0;
            emit(c, "die", Map.of("exitCode", "0"));
        }
        return c.exitCode == null ? 0 : c.exitCode;
    }

    @Override
    public void pauseContainer(String containerId) {
        Container c = byId(containerId);
        calls.add("pause container " + c.name);
        if (!"running".equals(c.state)) {
            throw new EngineException.Conflict("container " + c.name + " is not running");
        }
        c.state = "paused";
        emit(c, "pause", Map.of());
    }

    @Override
    public void unpauseContainer(String containerId) {
        Container c = byId(containerId);
        calls.add("unpause container " + c.name);
        if (!"paused".equals(c.state)) {
            throw new EngineException.Conflict("container " + c.name + " is not paused");
        }
        c.state = "running";
        emit(c, "unpause", Map.of());
    }

    @Override
    public void removeContainer(String containerId, boolean force, boolean removeVolumes) {
        Container c = byId(containerId);
        calls.add("remove container " + c.name);
        if ("running".equals(c.state) && !force) {
            throw new EngineException.Conflict("You cannot remove a running container");
        }
        containers.remove(c.id);
        emit(c, "destroy", Map.of());
    }

    @Override
    public void renameContainer(String containerId, String newName) {
        Container c = byId(containerId);
        calls.add("rename container " + c.name + " " + newName);
        c.name = newName;
    }

    @Override
    public Optional<ContainerSummary> inspectContainer(String idOrName) {
        synchronized (containers) {
            return containers.values().stream()
                    .filter(c -> c.id.equals(idOrName) || c.name.equals(idOrName))
                    .findFirst().map(this::summary);
        }
    }

    private Container byId(String idOrName) {
        synchronized (containers) {
            return containers.values().stream()
                    .filter(c -> c.id.equals(idOrName) || c.name.equals(idOrName))
                    .findFirst()
                    .orElseThrow(() -> new EngineException.NotFound("No such container: "
                            + idOrName));
        }
    }

    @Override
    public List<NetworkSummary> listNetworks(Map<String, String> labels) {
        return networks.values().stream().filter(n -> Labels.selected(n.labels(), labels)).toList();
    }

    @Override
    public Optional<NetworkSummary> inspectNetwork(String name) {
        return Optional.ofNullable(networks.get(name));
    }

    @Override
    public void createNetwork(NetworkSpec spec) {
        calls.add("create network " + spec.name());
        if (networks.putIfAbsent(spec.name(), new NetworkSummary("net-" + spec.name(), spec.name(),
                "bridge", spec.labels())) != null) {
            throw new EngineException.Conflict("network with name " + spec.name()
                    + " already exists");
        }
    }

    @Override
    public void removeNetwork(String name) {
        calls.add("remove network " + name);
        for (Container c : containers()) {
            if (c.networks.contains(name)) {
                throw new EngineException.Conflict("network " + name + " has active endpoints");
            }
        }
        if (networks.remove(name) == null) {
            throw new EngineException.NotFound("network " + name + " not found");
        }
    }

    @Override
    public List<VolumeSummary> listVolumes(Map<String, String> labels) {
        return volumes.values().stream().filter(v -> Labels.selected(v.labels(), labels)).toList();
    }

    @Override
    public Optional<VolumeSummary> inspectVolume(String name) {
        return Optional.ofNullable(volumes.get(name));
    }

    @Override
    public void createVolume(VolumeSpec spec) {
        calls.add("create volume " + spec.name());
        volumes.putIfAbsent(spec.name(), new VolumeSummary(spec.name(),
                spec.driver() == null ? "local" : spec.driver(), spec.labels()));
    }

    @Override
    public void removeVolume(String name) {
        calls.add("remove volume " + name);
        if (volumes.remove(name) == null) {
            throw new EngineException.NotFound("no such volume: " + name);
        }
    }

    @Override
    public Optional<String> imageId(String reference) {
        calls.add("image id " + reference);
        return inspectImage(reference).map(ImageSummary::id);
    }

    @Override
    public void pullImage(String reference, ImageProgress progress) {
        calls.add("pull " + reference);
        if (!registry.contains(reference)) {
            throw new EngineException.ImageFailure("pull access denied for " + reference
                    + ", repository does not exist or may require 'docker login'");
        }
        progress.update("layer1", "Downloading", 1, 2);
        progress.update("layer1", "Pull complete", -1, -1);
        withImage(reference, Instant.now());
    }

    @Override
    public void buildImage(BuildSpec spec, ImageProgress progress) {
        calls.add("build " + spec.tags().get(0));
        progress.update("", "Step 1/2 : FROM scratch", -1, -1);
        if (failingBuilds.contains(normalise(spec.tags().get(0)))) {
            progress.update("", "Step 2/2 : RUN exit 3", -1, -1);
            throw new EngineException.BuildFailure("building " + spec.tags().get(0)
                    + " failed at Step 2/2 : RUN exit 3: exit code 3", "Step 2/2 : RUN exit 3", 3,
                    List.of());
        }
        String id = "sha256:built-" + Integer.toHexString((spec.tags().get(0)
                + ids.incrementAndGet()).hashCode());
        Instant now = Instant.now();
        spec.tags().forEach(t -> withImage(t, id, spec.labels(), now));
    }

    @Override
    public void removeImage(String reference) {
        calls.add("remove image " + reference);
        if (images.remove(normalise(reference)) == null) {
            throw new EngineException.NotFound("No such image: " + reference);
        }
    }

    @Override
    public Optional<ImageSummary> inspectImage(String reference) {
        String id = images.get(normalise(reference));
        if (id == null && imageDetails.containsKey(reference)) {
            id = reference;
        }
        ImageSummary img = id == null ? null : imageDetails.get(id);
        if (img == null) {
            return Optional.empty();
        }
        String imageId = id;
        List<String> tags = images.entrySet().stream().filter(e -> e.getValue().equals(imageId))
                .map(Map.Entry::getKey).sorted().toList();
        return Optional.of(new ImageSummary(id, tags, img.labels(), img.created(),
                img.lastTagged()));
    }

    @Override
    public List<ImageSummary> listImages(Map<String, String> labels) {
        return imageDetails.keySet().stream().map(this::inspectImage).flatMap(Optional::stream)
                .filter(i -> !i.tags().isEmpty() && Labels.selected(i.labels(), labels)).toList();
    }

    @Override
    public void tagImage(String source, String target) {
        calls.add("tag " + source + " " + target);
        ImageSummary img = inspectImage(source).orElseThrow(() ->
                new EngineException.NotFound("No such image: " + source));
        images.put(normalise(target), img.id());
    }

    @Override
    public void pushImage(String reference, ImageProgress progress) {
        calls.add("push " + reference);
        if (inspectImage(reference).isEmpty()) {
            throw new EngineException.NotFound("An image does not exist locally with the tag: "
                    + reference);
        }
        progress.update("layer1", "Pushed", -1, -1);
        registry.add(reference);
    }

    @Override
    public Subscription logs(String containerId, LogOptions options, Consumer<LogLine> sink) {
        Container c = byId(containerId);
        List<LogLine> lines = new ArrayList<>(c.logs);
        if (options.tail() >= 0 && lines.size() > options.tail()) {
            lines = lines.subList(lines.size() - options.tail(), lines.size());
        }
        lines.forEach(sink);
        return completed();
    }

    @Override
    public Subscription events(Map<String, String> labels, Consumer<EngineEvent> sink) {
        calls.add("events");
        Consumer<EngineEvent> filtered = e -> {
            if (Labels.selected(e.attributes(), labels)) {
                sink.accept(e);
            }
        };
        subscribers.add(filtered);
        CountDownLatch closed = new CountDownLatch(1);
        return new Subscription() {
            @Override
            public void awaitCompletion() throws InterruptedException {
                closed.await();
            }

            @Override
            public void close() {
                subscribers.remove(filtered);
                closed.countDown();
            }
        };
    }

    private static Subscription completed() {
        return new Subscription() {
            @Override
            public void awaitCompletion() {
            }

            @Override
            public void close() {
            }
        };
    }

    private void emit(Container c, String action, Map<String, String> extra) {
        Map<String, String> attrs = new HashMap<>(c.spec.labels());
        attrs.put("name", c.name);
        attrs.putAll(extra);
        EngineEvent e = new EngineEvent("container", action, c.id, attrs, System.nanoTime());
        subscribers.forEach(s -> s.accept(e));
    }

    @Override
    public void close() {
        health.close();
    }
}
