package dev.jcompose.api;

import dev.jcompose.api.local.LocalTarget;
import dev.jcompose.model.Problem;
import dev.jcompose.model.load.ProjectNames;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Describes a {@link ComposeProject} before it is built: files, variables, profiles, name. Every method
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
public final class ComposeProjectBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ComposeProject.class);

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
    private ProgressListener progress = ComposeProjectBuilder::log;
    private Consumer<Problem> warnings = p -> LOG.warn("{}", p);
    private InputStream stdin = System.in;
    private Down onClose = Down.options();

    ComposeProjectBuilder(List<Path> files) {
        this.files.addAll(files);
    }

    /** Adds compose files (merged in order after those already given). */
    public ComposeProjectBuilder files(Path... more) {
        files.addAll(Arrays.asList(more));
        return this;
    }

    /**
     * The project name ({@code -p}): lower-case letters, digits, {@code -} and {@code _},
     * starting with a letter or digit. Give each test run its own name so runs never share
     * containers.
     */
    public ComposeProjectBuilder projectName(String name) {
        if (name != null && !ProjectNames.isValid(name)) {
            throw new IllegalArgumentException(ProjectNames.invalidMessage(name));
        }
        this.projectName = name;
        return this;
    }

    /** The project directory relative paths resolve against ({@code --project-directory}). */
    public ComposeProjectBuilder projectDirectory(Path dir) {
        this.projectDirectory = dir;
        return this;
    }

    /**
     * The directory relative file names and discovery start from (default: the JVM's
     * working directory).
     */
    public ComposeProjectBuilder workingDirectory(Path dir) {
        this.workingDirectory = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /**
     * Sets a variable for interpolation ({@code ${KEY}} in the files). Variables given here
     * win over the process environment, which wins over env files.
     */
    public ComposeProjectBuilder env(String key, String value) {
        env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Sets several variables; see {@link #env(String, String)}. */
    public ComposeProjectBuilder env(Map<String, String> variables) {
        variables.forEach(this::env);
        return this;
    }

    /**
     * Whether the process environment takes part in interpolation (default true, as with
     * {@code docker compose}); false to see only the variables given here and env files.
     */
    public ComposeProjectBuilder inheritEnvironment(boolean inherit) {
        this.inheritEnvironment = inherit;
        return this;
    }

    /** Adds an env file ({@code --env-file}); without any, the project's {@code .env} is read. */
    public ComposeProjectBuilder envFile(Path file) {
        envFiles.add(Objects.requireNonNull(file, "file"));
        return this;
    }

    /** Enables profiles ({@code --profile}), in addition to {@code COMPOSE_PROFILES}. */
    public ComposeProjectBuilder profiles(String... names) {
        profiles.addAll(Arrays.asList(names));
        return this;
    }

    /**
     * Puts a label on every container, network and volume the project creates (for example
     * a test session's id, so a reaper can find them).
     */
    public ComposeProjectBuilder label(String key, String value) {
        labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Puts several labels; see {@link #label(String, String)}. */
    public ComposeProjectBuilder labels(Map<String, String> more) {
        more.forEach(this::label);
        return this;
    }

    /**
     * The engine's address ({@code unix:///var/run/docker.sock}, {@code tcp://host:2375});
     * default: the engine the environment names, as the docker CLI resolves it
     * ({@code DOCKER_HOST}, {@code DOCKER_CONTEXT}, the current context of
     * {@code config.json}), else the local socket.
     */
    public ComposeProjectBuilder dockerHost(String host) {
        this.dockerHost = host;
        return this;
    }

    /**
     * Deploys to this target instead of the Docker engine {@link #dockerHost} names (the
     * handle then does not close it): another engine, such as an in-memory one for tests of
     * code built on this API ({@code LocalTarget.on(engine)}), or another kind of target.
     */
    public ComposeProjectBuilder target(ComposeTarget targetToUse) {
        this.target = targetToUse;
        return this;
    }

    /** Receives progress events (default: logged through SLF4J at debug level). */
    public ComposeProjectBuilder progress(ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Receives warnings about the files (unset variables, obsolete keys); default: logged
     * through SLF4J.
     */
    public ComposeProjectBuilder warnings(Consumer<Problem> sink) {
        this.warnings = Objects.requireNonNull(sink, "sink");
        return this;
    }

    /** Where a file named {@code -} is read from (default: {@code System.in}). */
    public ComposeProjectBuilder stdin(InputStream in) {
        this.stdin = Objects.requireNonNull(in, "in");
        return this;
    }

    /** What {@link ComposeProject#close()} removes (default: {@link Down#options()}). */
    public ComposeProjectBuilder downOnClose(Down down) {
        this.onClose = Objects.requireNonNull(down, "down");
        return this;
    }

    /** The handle. Nothing is loaded or started yet. */
    public ComposeProject build() {
        Map<String, String> variables = new LinkedHashMap<>();
        if (inheritEnvironment) {
            variables.putAll(System.getenv());
        }
        variables.putAll(env);
        Path workingDir = workingDirectory.toAbsolutePath().normalize();
        List<Path> resolved = files.stream()
                .map(f -> f.toString().equals("-") ? f : workingDir.resolve(f).normalize())
                .toList();
        ProjectOptions options = new ProjectOptions(resolved, projectName, projectDirectory,
                envFiles, profiles, workingDir, variables);
        // the environment chooses the engine as it does for the command line (DOCKER_HOST,
        // DOCKER_CONTEXT, the current context), unless a host is given
        ComposeTarget engine = target != null ? target : dockerHost != null
                ? LocalTarget.at(dockerHost, variables) : LocalTarget.fromEnvironment(variables);
        return new ComposeProject(options, labels, engine, target == null, progress, warnings,
                stdin, onClose);
    }

    private static void log(ProgressEvent e) {
        switch (e.status()) {
            case ERROR -> LOG.warn("{} {} {}", e.resource(), e.text(), e.detail());
            case WARNING -> LOG.warn("{}", e.detail().isEmpty() ? e.text() : e.detail());
            default -> LOG.debug("{} {} {}", e.resource(), e.text(), e.detail());
        }
    }
}
