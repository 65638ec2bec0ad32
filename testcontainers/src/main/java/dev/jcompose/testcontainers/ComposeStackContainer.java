package dev.jcompose.testcontainers;

import dev.jcompose.api.Compose;
import dev.jcompose.api.ComposeProject;
import dev.jcompose.api.ComposeProjectBuilder;
import dev.jcompose.api.Down;
import dev.jcompose.api.Endpoint;
import dev.jcompose.api.Up;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.lifecycle.Startable;

/**
 * A compose project as a Testcontainers {@link Startable}: drop it into a
 * {@code @Testcontainers} class as a {@code @Container} field, and the stack starts before the
 * tests and is removed after them. Unlike Testcontainers' {@code ComposeContainer}, it needs no
 * {@code docker compose} binary and no helper images (jcompose reads the files and talks to the
 * engine itself), so it works without registry access.
 *
 * <pre>{@code
 * @Testcontainers
 * class OrdersIT {
 *     @Container
 *     static ComposeStackContainer stack =
 *             ComposeStackContainer.of(Path.of("src/test/resources/compose.yaml"))
 *                     .withEnv("POSTGRES_PASSWORD", "secret")
 *                     .withWaitTimeout(Duration.ofMinutes(2));
 *
 *     @Test
 *     void connects() {
 *         String url = "jdbc:postgresql://" + stack.endpoint("db", 5432) + "/orders";
 *         // ...
 *     }
 * }
 * }</pre>
 *
 * <p>Every container, network and volume carries Testcontainers' session labels, so its reaper
 * (Ryuk) removes them if the JVM dies before {@link #stop()}; with
 * {@code TESTCONTAINERS_RYUK_DISABLED=true}, {@link #stop()} alone cleans up. Each instance gets
 * a random project name, so parallel builds never share a stack.
 */
public final class ComposeStackContainer implements Startable {

    private final ComposeProjectBuilder builder;
    private final String namePrefix;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Duration waitTimeout = Duration.ofMinutes(2);
    private String[] profiles = new String[0];
    private volatile ComposeProject project;

    private ComposeStackContainer(ComposeProjectBuilder builder, String namePrefix) {
        this.builder = builder;
        this.namePrefix = namePrefix;
    }

    /** A stack of {@code files}, merged in order like repeated {@code -f} options. */
    public static ComposeStackContainer of(Path... files) {
        String first = files.length == 0 ? "stack" : files[0].toAbsolutePath().getParent()
                .getFileName().toString();
        return new ComposeStackContainer(Compose.project(files), first);
    }

    /** A variable for interpolation; it wins over the process environment and env files. */
    public ComposeStackContainer withEnv(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** Profiles to enable, as {@code --profile}. */
    public ComposeStackContainer withProfiles(String... names) {
        this.profiles = names.clone();
        return this;
    }

    /** How long {@link #start()} waits for every service to be healthy, done or running. */
    public ComposeStackContainer withWaitTimeout(Duration timeout) {
        this.waitTimeout = timeout;
        return this;
    }

    /** Creates and starts the stack, and waits until it is ready. */
    @Override
    public synchronized void start() {
        if (project != null) {
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>(DockerClientFactory.DEFAULT_LABELS);
        labels.put(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL,
                DockerClientFactory.SESSION_ID);
        ComposeProject p = builder.projectName(projectName()).env(env).profiles(profiles)
                .labels(labels).downOnClose(Down.options().withVolumes()).build();
        try {
            p.up(Up.options().withWait(waitTimeout));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        project = p;
    }

    /** Removes the stack's containers, networks and volumes. */
    @Override
    public synchronized void stop() {
        ComposeProject p = project;
        project = null;
        if (p != null) {
            p.close();
        }
    }

    /** The running stack, for everything else ({@code ps}, {@code logs}, ...). */
    public ComposeProject project() {
        ComposeProject p = project;
        if (p == null) {
            throw new IllegalStateException("the stack is not started");
        }
        return p;
    }

    /** Where {@code service}'s {@code containerPort} is published on the engine's host. */
    public Endpoint endpoint(String service, int containerPort) {
        return project().endpoint(service, containerPort);
    }

    /** The host of {@link #endpoint}, as Testcontainers' {@code ComposeContainer} offers it. */
    public String getServiceHost(String service, int containerPort) {
        return endpoint(service, containerPort).host();
    }

    /** The published port of {@link #endpoint}, as {@code ComposeContainer} offers it. */
    public int getServicePort(String service, int containerPort) {
        return endpoint(service, containerPort).port();
    }

    private String projectName() {
        String base = namePrefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        if (base.isEmpty() || !Character.isLetterOrDigit(base.charAt(0))) {
            base = "stack";
        }
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
