package dev.jcompose.api;

import dev.jcompose.api.local.LocalTarget;
import java.util.Map;

/**
 * Opens the target a command line or a project works on, from the environment: the local
 * Docker engine {@code DOCKER_HOST} names by default. Tests open one on an in-memory engine.
 */
@FunctionalInterface
public interface TargetFactory {

    ComposeTarget open(Map<String, String> environment);

    /** The local Docker engine: {@code DOCKER_HOST}, else the default socket. */
    static TargetFactory local() {
        return LocalTarget::fromEnvironment;
    }
}
