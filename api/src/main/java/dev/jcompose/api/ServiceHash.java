package dev.jcompose.api;

import dev.jcompose.model.Service;
import dev.jcompose.planner.ConfigHash;

/**
 * The hash of a service's configuration, as compose labels its containers with
 * ({@code com.docker.compose.config-hash}) and {@code config --hash} prints it.
 */
public final class ServiceHash {

    private ServiceHash() {
    }

    public static String of(Service service) {
        return ConfigHash.of(service);
    }
}
