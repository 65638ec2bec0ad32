package dev.jcompose.api;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.planner.progress.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

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

    private final ProjectOptions options;
    private final Map<String, String> labels;
    private final ComposeTarget target;
    private final boolean ownsTarget;
    private final Consumer<Problem> warnings;
    private final InputStream stdin;
    private final Down onClose;
    private final ComposeService service;
    private final Endpoints endpoints;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String name;
    private byte[] stdinBytes;

    /** Made by {@link ComposeProjectBuilder#build()}; {@code ownsTarget}: closed with this. */
    ComposeProject(ProjectOptions options, Map<String, String> labels, ComposeTarget target,
            boolean ownsTarget, ProgressListener progress, Consumer<Problem> warnings,
            InputStream stdin, Down onClose) {
        this.options = options;
        this.labels = Map.copyOf(labels);
        this.target = target;
        this.ownsTarget = ownsTarget;
        this.warnings = warnings;
        this.stdin = stdin;
        this.onClose = onClose;
        this.service = target.service(progress);
        this.endpoints = new Endpoints(target.publishedHost());
        this.name = options.projectName();
    }

    /**
     * Starts describing a project. Prefer {@link Compose#project(Path...)}.
     *
     * @param files compose files, merged in order; none to discover {@code compose.yaml} (or
     *              {@code docker-compose.yml}) in the working directory or its parents
     */
    public static ComposeProjectBuilder builder(List<Path> files) {
        return new ComposeProjectBuilder(files);
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
        return endpoints.of(name(), service, containerPort, ps(service));
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

    // --- helpers --------------------------------------------------------------------------------

    private Project load(List<String> services) {
        Project project = loader().load(services);
        if (name == null) {
            name = project.name();
        }
        return ProjectLabels.added(project, labels);
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = call(() -> this.service.exec(name(), ExecOptions.builder(service,
                List.of(command)).index(1).build(), new ProcessStreams(null, out, err)));
        return new ExecResult(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
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
}
