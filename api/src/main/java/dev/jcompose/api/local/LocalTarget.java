package dev.jcompose.api.local;

import dev.jcompose.api.ComposeService;
import dev.jcompose.api.ComposeTarget;
import dev.jcompose.api.LogEntry;
import dev.jcompose.api.WarmUp;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.runtime.DockerEngine;
import dev.jcompose.runtime.DockerHosts;
import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The local deployment target: a Docker engine, reached through jcompose's own client (the
 * runtime adapter), or any implementation of the planner's engine port (the in-memory one, for
 * tests). The engine is connected to on first use, once, and shared by every service made here.
 */
public final class LocalTarget implements ComposeTarget {

    private final Supplier<Engine> connect;
    private final boolean ownsEngine;
    private final String host;
    private final Map<String, String> env;
    private Engine engine;

    private LocalTarget(Supplier<Engine> connect, boolean ownsEngine, String host,
            Map<String, String> env) {
        this.connect = connect;
        this.ownsEngine = ownsEngine;
        this.host = host;
        this.env = Map.copyOf(env);
    }

    /**
     * The engine {@code env} names: {@code DOCKER_HOST}, else the default socket. The one place
     * the local engine's address is resolved from the environment.
     */
    public static LocalTarget fromEnvironment(Map<String, String> env) {
        return at(DockerHosts.resolve(env), env);
    }

    /**
     * The engine at {@code dockerHost} ({@code unix:///var/run/docker.sock},
     * {@code tcp://host:2375}); {@code env} for its client settings and for docker CLI plugins.
     */
    public static LocalTarget at(String dockerHost, Map<String, String> env) {
        return new LocalTarget(() -> DockerEngine.at(dockerHost, env), true, dockerHost, env);
    }

    /**
     * On {@code engine}, which the caller keeps and closes: an in-memory engine in tests, or
     * one embedded; docker CLI plugins are looked for with {@code env}.
     */
    public static LocalTarget on(Engine engine, Map<String, String> env) {
        return new LocalTarget(() -> engine, false, null, env);
    }

    /** On {@code engine}, with the process environment. */
    public static LocalTarget on(Engine engine) {
        return on(engine, System.getenv());
    }

    private synchronized Engine engine() {
        if (engine == null) {
            engine = connect.get();
        }
        return engine;
    }

    @Override
    public ComposeService service(ProgressListener progress, Consumer<LogEntry> hookOutput) {
        return new LocalComposeService(engine(), progress, env, hookOutput);
    }

    @Override
    public ComposeService service(ProgressListener progress) {
        return new LocalComposeService(engine(), progress, env, null);
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
        return hostOf(host);
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
