package dev.jcompose.runtime;

import dev.jcompose.runtime.context.DockerClientOptions;
import dev.jcompose.runtime.context.EndpointResolver;
import java.util.Map;

/**
 * Where the engine is, for callers that need only its address: as the docker CLI resolves it
 * from the environment ({@code DOCKER_HOST}, {@code DOCKER_CONTEXT}, the current context of
 * {@code config.json}), else the default Unix socket. {@link EndpointResolver} gives the whole
 * endpoint, TLS material included.
 */
public final class DockerHosts {

    public static final String DEFAULT = "unix:///var/run/docker.sock";

    private DockerHosts() {
    }

    public static String resolve(Map<String, String> env) {
        return EndpointResolver.resolve(DockerClientOptions.NONE, env).host();
    }
}
