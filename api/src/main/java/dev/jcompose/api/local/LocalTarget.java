package dev.jcompose.api.local;

import dev.jcompose.api.ComposeService;
import dev.jcompose.api.ComposeTarget;
import dev.jcompose.api.DockerCliOptions;
import dev.jcompose.api.ComposeException;
import dev.jcompose.api.LogEntry;
import dev.jcompose.api.StackService;
import dev.jcompose.api.TargetContext;
import dev.jcompose.api.TargetEndpoint;
import dev.jcompose.api.WarmUp;
import dev.jcompose.model.Problem;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.runtime.DockerApi;
import dev.jcompose.runtime.DockerEngine;
import dev.jcompose.runtime.context.DockerClientOptions;
import dev.jcompose.runtime.context.DockerEndpoint;
import dev.jcompose.runtime.context.EndpointResolver;
import dev.jcompose.swarm.Stacks;
import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The local deployment target: a Docker engine, reached through jcompose's own client (the
 * runtime adapter), or any implementation of the planner's engine port (the in-memory one, for
 * tests). The one place the engine's endpoint is resolved, as the docker CLI resolves contexts
 * and hosts ({@link EndpointResolver}), once and only when first needed. The engine is
 * connected to on first use, once, and shared by every service made here, the stack service
 * (when the engine is a swarm manager) included.
 */
public final class LocalTarget implements ComposeTarget {

    /** How the engine is found: which context, where it is, and the engine there. */
    private record Resolution(Supplier<EndpointResolver.Choice> choose,
            Supplier<DockerEndpoint> resolve, Function<DockerEndpoint, Engine> connect) { }

    private final Resolution resolution;
    private final boolean ownsEngine;
    private final Map<String, String> env;
    private DockerEndpoint endpoint;
    private Engine engine;

    private LocalTarget(Resolution resolution, boolean ownsEngine, Map<String, String> env) {
        this.resolution = resolution;
        this.ownsEngine = ownsEngine;
        this.env = Map.copyOf(env);
    }

    /**
     * The engine {@code docker}'s options and {@code env} name, as the docker CLI resolves them
     * ({@code --context}, {@code -H}, {@code DOCKER_HOST}, {@code DOCKER_CONTEXT}, the current
     * context, else the default socket); {@code env} also for its client settings and for
     * docker CLI plugins.
     */
    public static LocalTarget of(DockerCliOptions docker, Map<String, String> env) {
        DockerClientOptions options = new DockerClientOptions(docker.context(), docker.hosts(),
                docker.tls(), docker.tlsVerify(), docker.tlsCaCert(), docker.tlsCert(),
                docker.tlsKey(), docker.configDir());
        return new LocalTarget(new Resolution(() -> EndpointResolver.choose(options, env),
                () -> EndpointResolver.resolve(options, env),
                endpoint -> DockerEngine.at(endpoint, env)), true, env);
    }

    /** The engine {@code env} names, without docker CLI options. */
    public static LocalTarget fromEnvironment(Map<String, String> env) {
        return of(DockerCliOptions.NONE, env);
    }

    /**
     * The engine at {@code dockerHost} ({@code unix:///var/run/docker.sock},
     * {@code tcp://host:2375}), whatever the environment names; {@code env} for its client
     * settings and for docker CLI plugins.
     */
    public static LocalTarget at(String dockerHost, Map<String, String> env) {
        DockerEndpoint fixed = DockerEndpoint.of(dockerHost);
        return new LocalTarget(new Resolution(
                () -> new EndpointResolver.Choice(fixed.context(), "the host given"),
                () -> fixed, endpoint -> DockerEngine.at(endpoint, env)), true, env);
    }

    /**
     * On {@code engine}, which the caller keeps and closes: an in-memory engine in tests, or
     * one embedded; docker CLI plugins are looked for with {@code env}.
     */
    public static LocalTarget on(Engine engine, Map<String, String> env) {
        DockerEndpoint given = DockerEndpoint.of("(the engine given)");
        return new LocalTarget(new Resolution(
                () -> new EndpointResolver.Choice(given.context(), "the engine given"),
                () -> given, endpoint -> engine), false, env);
    }

    /** On {@code engine}, with the process environment. */
    public static LocalTarget on(Engine engine) {
        return on(engine, System.getenv());
    }

    @Override
    public TargetContext context() {
        EndpointResolver.Choice c = Failures.get(resolution.choose());
        return new TargetContext(c.context(), c.chosenBy());
    }

    @Override
    public TargetEndpoint endpoint() {
        DockerEndpoint e = dockerEndpoint();
        return new TargetEndpoint(e.context(), e.host(), e.usesTls(),
                e.usesTls() && !e.skipTlsVerify());
    }

    private synchronized DockerEndpoint dockerEndpoint() {
        if (endpoint == null) {
            endpoint = Failures.get(resolution.resolve());
        }
        return endpoint;
    }

    private synchronized Engine engine() {
        if (engine == null) {
            DockerEndpoint e = dockerEndpoint();
            engine = Failures.get(() -> resolution.connect().apply(e));
        }
        return engine;
    }

    @Override
    public ComposeService service(ProgressListener progress, Consumer<LogEntry> hookOutput) {
        Engine e = engine();
        return new LocalComposeService(e, progress, env, hookOutput, e instanceof DockerEngine);
    }

    @Override
    public ComposeService service(ProgressListener progress) {
        return service(progress, null);
    }

    @Override
    public StackService stacks(ProgressListener progress, Consumer<Problem> warnings) {
        return new LocalStackService(() -> {
            if (engine() instanceof DockerEngine docker) {
                return Stacks.on(DockerApi.of(docker));
            }
            throw new ComposeException("the stack commands need a Docker engine that is a "
                    + "swarm manager, not " + dockerEndpoint().host());
        }, progress, warnings);
    }

    @Override
    public void warmUp(WarmUp what) {
        try {
            Map<String, String> none = Map.of(Labels.PROJECT, "jcompose-warm-up-matches-nothing");
            Engine e = engine();
            e.listContainers(none, true);
            if (what == WarmUp.RESOURCES) {
                e.listNetworks(none);
                e.listVolumes(none);
            }
        } catch (RuntimeException e) {
            // the command's own engine call reports what is wrong
        }
    }

    @Override
    public String publishedHost() {
        return hostOf(dockerEndpoint().host());
    }

    /** The host name published ports are reached on, for an engine address. */
    public static String hostOf(String dockerHost) {
        if (dockerHost != null && (dockerHost.startsWith("tcp://")
                || dockerHost.startsWith("http://") || dockerHost.startsWith("https://"))) {
            String h = URI.create(dockerHost.replaceFirst("^tcp://", "http://")).getHost();
            if (h != null && !h.isEmpty()) {
                return h;
            }
        }
        return "localhost";
    }

    @Override
    public void close() {
        Engine e;
        synchronized (this) {
            e = engine;
        }
        if (ownsEngine && e != null) {
            e.close();
        }
    }
}
