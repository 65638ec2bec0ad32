package dev.jcompose.api;

import dev.jcompose.api.local.LocalTarget;
import java.util.Map;

/**
 * Opens the target a command line or a project works on, from the docker CLI's options given
 * and the environment: the local Docker engine they name, as the docker CLI resolves contexts
 * and hosts, by default. Tests open one on an in-memory engine.
 */
@FunctionalInterface
public interface TargetFactory {

    ComposeTarget open(DockerCliOptions docker, Map<String, String> environment);

    /**
     * The Docker engine {@code --context}, {@code -H}, {@code DOCKER_HOST},
     * {@code DOCKER_CONTEXT} or the current context names, else the default socket.
     */
    static TargetFactory local() {
        return LocalTarget::of;
    }
}
