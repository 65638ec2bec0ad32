package dev.jcompose.api;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Network;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.model.Records;
import dev.jcompose.model.Service;
import dev.jcompose.model.Volume;
import dev.jcompose.api.local.LocalTarget;
import dev.jcompose.model.load.ProjectNames;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compose project, ready to start, inspect and stop from Java: the handle {@link Compose}
 * builds. It does what {@code docker compose} does with the same files, through jcompose's own
 * engine client, so no compose binary is needed. Closing it runs {@code down}.
 *
 * <pre>{@code
 * try (ComposeProject project = Compose.project(Path.of("compose.yaml"))
 *         .projectName("orders-it")
 *         .env("POSTGRES_PASSWORD", "secret")
 *         .profiles("db")
 *         .build()) {
 *     project.up(Up.options().withWait(Duration.ofMinutes(1)));
 *     Endpoint db = project.endpoint("db", 5432);
 *     // connect to jdbc:postgresql://<db>/orders ...
 *     ExecResult r = project.exec("db", "psql", "-U", "postgres", "-c", "select 1");
 * }   // down: containers and networks removed
 * }</pre>
 *
 * <p>Failures are thrown as {@link ComposeException} with a message for people (the engine
 * refused, a dependency did not become healthy, a service does not publish a port), or as
 * {@link ComposeFileException} when the compose files are invalid (each problem with its file,
 * line and column). Methods do not throw checked exceptions: an interrupted call restores the
 * thread's interrupt flag and throws {@code ComposeException}.
 *
 * <p>Instances are thread-safe.
 */
public final class ComposeProject implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ComposeProject.class);

    private final ProjectOptions options;
    private final Map<String, String> labels;
    private final ComposeTarget target;
    private final boolean ownsTarget;
    private final String engineHost;
    private final Consumer<Problem> warnings;
    private final InputStream stdin;
    private final Down onClose;
    private final ComposeService service;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String name;
    private byte[] stdinBytes;

    private ComposeProject(Builder b) {
        Map<String, String> env = new LinkedHashMap<>();
        if (b.inheritEnvironment) {
            env.putAll(System.getenv());
        }
        env.putAll(b.env);
        Path workingDir = b.workingDirectory.toAbsolutePath().normalize();
        List<Path> files = b.files.stream()
                .map(f -> f.toString().equals("-") ? f : workingDir.resolve(f).normalize())
                .toList();
        this.options = new ProjectOptions(files, b.projectName, b.projectDirectory, b.envFiles,
                b.profiles, workingDir, env);
        this.labels = Map.copyOf(b.labels);
        this.ownsTarget = b.target == null;
        // the environment chooses the engine as it does for the command line (DOCKER_HOST,
        // DOCKER_CONTEXT, the current context), unless a host is given
        this.target = b.target != null ? b.target : b.dockerHost != null
                ? LocalTarget.at(b.dockerHost, env) : LocalTarget.fromEnvironment(env);
        this.engineHost = target.publishedHost();
        this.warnings = b.warnings;
        this.stdin = b.stdin;
        this.onClose = b.onClose;
        this.service = target.service(b.progress);
        this.name = b.projectName;
    }

    /**
     * Starts describing a project. Prefer {@link Compose#project(Path...)}.
     *
     * @param files compose files, merged in order; none to discover {@code compose.yaml} (or
     *              {@code docker-compose.yml}) in the working directory or its parents
     */
    public static Builder builder(List<Path> files) {
        return new Builder(files);
    }

    // --- what the project is --------------------------------------------------------------------

    /**
     * The project's name: the one given to the builder, else {@code COMPOSE_PROJECT_NAME}, else
     * the files' {@code name:}, else the project directory's name.
     */
    public String name() {
        String n = name;
        if (n == null) {
            n = loader().projectName();
            name = n;
        }
        return n;
    }

    /**
     * The project as loaded from its files now: interpolated, merged and resolved, as
     * {@code docker compose config} shows it, with only the enabled profiles' services.
     *
     * @throws ComposeFileException when the files are invalid
     */
    public Project model() {
        return load(List.of());
    }

    /** Where the project comes from: files, name, directories, env files, profiles, variables. */
    public ProjectOptions options() {
        return options;
    }

    /** A loader of this project's files, as the {@code jcompose} command line uses it. */
    public ProjectLoader loader() {
        InputStream in = stdin;
        if (options.files().stream().anyMatch(f -> f.toString().equals("-"))) {
            in = new ByteArrayInputStream(stdinBytes());
        }
        return new ProjectLoader(options, warnings, in);
    }

    /**
     * The service layer under this handle: one method per compose command with every option the
     * command line has (dry runs, plans). The handle's methods cover what tests need; this is
     * for the rest, and it is what the {@code jcompose} command line calls.
     */
    public ComposeService service() {
        return service;
    }

    // --- lifecycle ------------------------------------------------------------------------------

    /** {@code up -d}: creates and starts every service; see {@link #up(Up)}. */
    public ComposeProject up() {
        return up(Up.options());
    }

    /**
     * Creates and starts the project's services, converging what already exists: unchanged
     * running containers are left alone, changed ones recreated. Images are built or pulled when
     * missing. Services start as soon as their dependencies meet their {@code depends_on}
     * conditions. With {@link Up#withWait(Duration)} it also waits as
     * {@link #waitUntilHealthy(Duration)} does.
     *
     * <pre>{@code
     * project.up(Up.options().withServices("api").withBuild());
     * }</pre>
     *
     * @return this handle
     * @throws ComposeException when something could not be created or started, or a dependency
     *                          failed its condition
     */
    public ComposeProject up(Up up) {
        Objects.requireNonNull(up, "up");
        Project project = load(up.services());
        call(() -> service.up(project, up.toOptions(project.environment())));
        if (up.waitTimeout() != null) {
            waitUntilHealthy(project, up.waitTimeout());
        }
        return this;
    }

    /** {@code down}: stops and removes containers and networks; see {@link #down(Down)}. */
    public void down() {
        down(Down.options());
    }

    /**
     * Stops and removes the project's containers (in reverse dependency order) and networks, and,
     * when asked, its volumes and images. Works from the engine's labels, so it also removes what
     * an earlier run of the same project left behind.
     */
    public void down(Down down) {
        Objects.requireNonNull(down, "down");
        Project project;
        try {
            project = load(List.of());
        } catch (ComposeFileException e) {
            if (options.projectName() == null) {
                throw e;
            }
            project = null; // files gone or broken: remove what the labels name
        }
        Project p = project;
        String n = p != null ? p.name() : name();
        call(() -> service.down(n, p, down.toOptions()));
    }

    /** Runs {@link #down(Down) down} with the options given to the builder, once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                down(onClose);
            } finally {
                if (ownsTarget) {
                    target.close();
                }
            }
        }
    }

    // --- inspection -----------------------------------------------------------------------------

    /**
     * The project's containers, running or not (one-off {@code run} containers included), ordered
     * by service and replica number.
     */
    public List<ContainerInfo> ps() {
        return call(() -> service.ps(name(), new PsOptions(true, List.of())));
    }

    /** The containers of {@code service}, running or not, by replica number. */
    public List<ContainerInfo> ps(String service) {
        return call(() -> this.service.ps(name(), new PsOptions(true, List.of(service))));
    }

    /**
     * Sends every container's log so far to {@code sink}, container by container.
     *
     * <pre>{@code
     * project.logs(e -> System.out.println(e.prefix() + " | " + e.text()));
     * }</pre>
     */
    public void logs(Consumer<LogEntry> sink) {
        logs(LogsOptions.all(), sink);
    }

    /**
     * Sends container logs to {@code sink} as {@code options} select them. With
     * {@code follow}, blocks until the containers stop or the thread is interrupted.
     */
    public void logs(LogsOptions options, Consumer<LogEntry> sink) {
        Objects.requireNonNull(sink, "sink");
        call(() -> {
            service.logs(name(), options, sink);
            return null;
        });
    }

    /** The log of {@code service}'s containers so far, as text, one line per entry. */
    public String logs(String service) {
        StringBuilder sb = new StringBuilder();
        logs(new LogsOptions(List.of(service), false, -1, null, null, false),
                e -> {
                    synchronized (sb) {
                        sb.append(e.text()).append('\n');
                    }
                });
        return sb.toString();
    }

    /**
     * Where the host reaches port {@code containerPort}/tcp of {@code service}'s first running
     * container. The service must publish the port ({@code ports: ["5432"]} publishes it on a
     * random free host port, which this method finds).
     *
     * <pre>{@code
     * Endpoint web = project.endpoint("web", 8080);
     * HttpResponse<String> r = HttpClient.newHttpClient().send(
     *         HttpRequest.newBuilder(web.uri("http").resolve("/health")).build(),
     *         HttpResponse.BodyHandlers.ofString());
     * }</pre>
     *
     * @throws ComposeException when the service has no running container or does not publish
     *                          the port
     */
    public Endpoint endpoint(String service, int containerPort) {
        List<Endpoint> all = endpoints(service, containerPort);
        return all.get(0);
    }

    /**
     * Where the host reaches port {@code containerPort}/tcp of each of {@code service}'s running
     * containers (one per replica), by replica number.
     *
     * @throws ComposeException when the service has no running container or does not publish
     *                          the port
     */
    public List<Endpoint> endpoints(String service, int containerPort) {
        List<ContainerInfo> running = ps(service).stream()
                .filter(c -> !c.oneOff() && c.isRunning())
                .toList();
        if (running.isEmpty()) {
            throw new ComposeException("service " + service + " of project " + name()
                    + " has no running container" + stateHint(service) + "; start it with up() "
                    + "and check its logs");
        }
        List<Endpoint> out = new ArrayList<>();
        for (ContainerInfo c : running) {
            ContainerInfo.Port port = c.ports().stream()
                    .filter(p -> p.containerPort() == containerPort && "tcp".equals(p.protocol()))
                    .min(Comparator.comparing(p -> p.hostIp().contains(":") ? 1 : 0))
                    .orElseThrow(() -> new ComposeException("service " + service
                            + " does not publish port " + containerPort + " (container "
                            + c.name() + " publishes " + (c.ports().isEmpty() ? "no ports"
                            : c.ports()) + "); add \"" + containerPort + "\" to the service's "
                            + "ports: to publish it on a free host port"));
            out.add(new Endpoint(hostFor(port.hostIp()), port.hostPort()));
        }
        return out;
    }

    private String stateHint(String service) {
        List<ContainerInfo> all = ps(service);
        if (all.isEmpty()) {
            return " (it has no container at all)";
        }
        return " (" + String.join(", ", all.stream().map(c -> c.name() + " is " + c.status())
                .toList()) + ")";
    }

    // --- waiting --------------------------------------------------------------------------------

    /**
     * Blocks until every service of the project that has containers is ready: healthy when it has
     * a healthcheck, exited with code 0 when it is a one-shot service that another service waits
     * for ({@code condition: service_completed_successfully}), running otherwise. Listens to the
     * engine's events rather than polling, so it returns the moment the last service is ready.
     *
     * <pre>{@code
     * project.up();
     * project.waitUntilHealthy(Duration.ofSeconds(90));
     * }</pre>
     *
     * @throws ComposeException when a service turns unhealthy, exits with a non-zero code, or is
     *                          not ready after {@code timeout}; the message ends with the last
     *                          lines of the failing service's log
     */
    public void waitUntilHealthy(Duration timeout) {
        waitUntilHealthy(model(), timeout);
    }

    private void waitUntilHealthy(Project project, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        service.awaitReady(project, new ReadyOptions(timeout, List.of(), true));
    }

    // --- exec -----------------------------------------------------------------------------------

    // --- helpers --------------------------------------------------------------------------------

    private Project load(List<String> services) {
        Project project = loader().load(services);
        if (name == null) {
            name = project.name();
        }
        return withLabels(project);
    }

    /** Adds the builder's labels to every service and to each network and volume we create. */
    private Project withLabels(Project project) {
        if (labels.isEmpty()) {
            return project;
        }
        Map<String, Service> services = new LinkedHashMap<>();
        project.services().forEach((k, s) -> services.put(k, s.withLabels(merged(s.labels()))));
        Map<String, Network> networks = new LinkedHashMap<>();
        project.networks().forEach((k, n) -> networks.put(k, n.isExternal() ? n
                : Records.with(n, "labels", merged(n.labels()))));
        Map<String, Volume> volumes = new LinkedHashMap<>();
        project.volumes().forEach((k, v) -> volumes.put(k,
                Boolean.TRUE.equals(v.external()) ? v
                        : Records.with(v, "labels", merged(v.labels()))));
        Project p = project.withServices(services);
        p = Records.with(p, "networks", networks);
        return Records.with(p, "volumes", volumes);
    }

    private Map<String, String> merged(Map<String, String> own) {
        Map<String, String> m = new LinkedHashMap<>(own);
        m.putAll(labels);
        return m;
    }

    private synchronized byte[] stdinBytes() {
        if (stdinBytes == null) {
            try {
                stdinBytes = stdin.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stdinBytes;
    }

    private String hostFor(String boundIp) {
        boolean wildcard = boundIp == null || boundIp.isEmpty() || boundIp.equals("0.0.0.0")
                || boundIp.equals("::");
        if (wildcard || !engineHost.equals("localhost")) {
            return engineHost;
        }
        return boundIp;
    }

    /** The host name published ports are reached on, for an engine address. */
    static String hostOf(String dockerHost) {
        return LocalTarget.hostOf(dockerHost);
    }

    /**
     * Runs a command in the first running container of {@code service} and waits for it, as
     * {@code docker compose exec -T} does.
     *
     * <pre>{@code
     * ExecResult r = project.exec("db", "psql", "-U", "postgres", "-c", "select 1");
     * assertEquals(0, r.exitCode(), r.stderr());
     * }</pre>
     *
     * @throws ComposeException when the service has no running container
     */
    public ExecResult exec(String service, String... command) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = call(() -> this.service.exec(name(), ExecOptions.builder(service,
                List.of(command)).index(1).build(), new ProcessStreams(null, out, err)));
        return new ExecResult(code, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An engine call that may block. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws InterruptedException;
    }

    /** Runs a service call, turning interruption into a ComposeException. */
    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComposeException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        String n = name;
        return "ComposeProject[" + (n == null ? "" : n + ", ") + "files=" + options.files() + "]";
    }

    /**
     * Describes a project before it is built: files, variables, profiles, name. Every method
     * returns the builder; {@link #build()} makes the handle (it does not touch the engine).
     *
     * <pre>{@code
     * ComposeProject project = Compose.project(Path.of("compose.yaml"), Path.of("compose.test.yaml"))
     *         .projectName("it-" + UUID.randomUUID().toString().substring(0, 8))
     *         .env("TAG", "1.4")                       // wins over the process environment
     *         .envFile(Path.of("test.env"))
     *         .profiles("db", "cache")
     *         .downOnClose(Down.options().withVolumes())
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final List<Path> files = new ArrayList<>();
        private String projectName;
        private Path projectDirectory;
        private Path workingDirectory = Path.of("");
        private final Map<String, String> env = new LinkedHashMap<>();
        private boolean inheritEnvironment = true;
        private final List<Path> envFiles = new ArrayList<>();
        private final List<String> profiles = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String dockerHost;
        private ComposeTarget target;
        private ProgressListener progress = Builder::log;
        private Consumer<Problem> warnings = p -> LOG.warn("{}", p);
        private InputStream stdin = System.in;
        private Down onClose = Down.options();

        private Builder(List<Path> files) {
            this.files.addAll(files);
        }

        /** Adds compose files (merged in order after those already given). */
        public Builder files(Path... more) {
            files.addAll(Arrays.asList(more));
            return this;
        }

        /**
         * The project name ({@code -p}): lower-case letters, digits, {@code -} and {@code _},
         * starting with a letter or digit. Give each test run its own name so runs never share
         * containers.
         */
        public Builder projectName(String name) {
            if (name != null && !ProjectNames.isValid(name)) {
                throw new IllegalArgumentException(ProjectNames.invalidMessage(name));
            }
            this.projectName = name;
            return this;
        }

        /** The project directory relative paths resolve against ({@code --project-directory}). */
        public Builder projectDirectory(Path dir) {
            this.projectDirectory = dir;
            return this;
        }

        /**
         * The directory relative file names and discovery start from (default: the JVM's
         * working directory).
         */
        public Builder workingDirectory(Path dir) {
            this.workingDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Sets a variable for interpolation ({@code ${KEY}} in the files). Variables given here
         * win over the process environment, which wins over env files.
         */
        public Builder env(String key, String value) {
            env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets several variables; see {@link #env(String, String)}. */
        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /**
         * Whether the process environment takes part in interpolation (default true, as with
         * {@code docker compose}); false to see only the variables given here and env files.
         */
        public Builder inheritEnvironment(boolean inherit) {
            this.inheritEnvironment = inherit;
            return this;
        }

        /** Adds an env file ({@code --env-file}); without any, the project's {@code .env} is read. */
        public Builder envFile(Path file) {
            envFiles.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** Enables profiles ({@code --profile}), in addition to {@code COMPOSE_PROFILES}. */
        public Builder profiles(String... names) {
            profiles.addAll(Arrays.asList(names));
            return this;
        }

        /**
         * Puts a label on every container, network and volume the project creates (for example
         * a test session's id, so a reaper can find them).
         */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Puts several labels; see {@link #label(String, String)}. */
        public Builder labels(Map<String, String> more) {
            more.forEach(this::label);
            return this;
        }

        /**
         * The engine's address ({@code unix:///var/run/docker.sock}, {@code tcp://host:2375});
         * default: the engine the environment names, as the docker CLI resolves it
         * ({@code DOCKER_HOST}, {@code DOCKER_CONTEXT}, the current context of
         * {@code config.json}), else the local socket.
         */
        public Builder dockerHost(String host) {
            this.dockerHost = host;
            return this;
        }

        /**
         * Deploys to this target instead of the Docker engine {@link #dockerHost} names (the
         * handle then does not close it): another engine, such as an in-memory one for tests of
         * code built on this API ({@code LocalTarget.on(engine)}), or another kind of target.
         */
        public Builder target(ComposeTarget targetToUse) {
            this.target = targetToUse;
            return this;
        }

        /** Receives progress events (default: logged through SLF4J at debug level). */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Receives warnings about the files (unset variables, obsolete keys); default: logged
         * through SLF4J.
         */
        public Builder warnings(Consumer<Problem> sink) {
            this.warnings = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Where a file named {@code -} is read from (default: {@code System.in}). */
        public Builder stdin(InputStream in) {
            this.stdin = Objects.requireNonNull(in, "in");
            return this;
        }

        /** What {@link ComposeProject#close()} removes (default: {@link Down#options()}). */
        public Builder downOnClose(Down down) {
            this.onClose = Objects.requireNonNull(down, "down");
            return this;
        }

        /** The handle. Nothing is loaded or started yet. */
        public ComposeProject build() {
            return new ComposeProject(this);
        }

        private static void log(ProgressEvent e) {
            switch (e.status()) {
                case ERROR -> LOG.warn("{} {} {}", e.resource(), e.text(), e.detail());
                case WARNING -> LOG.warn("{}", e.detail().isEmpty() ? e.text() : e.detail());
                default -> LOG.debug("{} {} {}", e.resource(), e.text(), e.detail());
            }
        }
    }
}
