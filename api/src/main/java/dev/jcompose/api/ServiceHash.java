package dev.jcompose.api;

import dev.jcompose.model.Service;
import dev.jcompose.planner.ConfigHash;
import dev.jcompose.planner.Labels;

/**
 * The hash of a service's configuration, as compose labels its containers with
 * ({@code com.docker.compose.config-hash}) and {@code config --hash} prints it: computed as
 * compose v2 {@link #COMPOSE_V2} computes it, so neither tool recreates the other's containers.
 */
public final class ServiceHash {

    /**
     * The compose v2 release whose labels and hash jcompose writes
     * ({@code com.docker.compose.version}), and whose command-line surface it matches.
     */
    public static final String COMPOSE_V2 = Labels.COMPOSE_VERSION;

    private ServiceHash() {
    }

    public static String of(Service service) {
        return ConfigHash.of(service);
    }
}
