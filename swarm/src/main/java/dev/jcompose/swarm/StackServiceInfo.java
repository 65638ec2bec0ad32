package dev.jcompose.swarm;

import java.util.List;

/**
 * A service of a stack ({@code stack services}).
 *
 * @param id       the service's ID
 * @param name     {@code NAME_service}
 * @param mode     replicated, global, replicated-job or global-job
 * @param replicas running out of desired tasks ({@code 2/3}); for jobs, completed too
 * @param image    its image
 * @param ports    published ports ({@code *:8080->80/tcp})
 */
public record StackServiceInfo(String id, String name, String mode, String replicas, String image,
        List<String> ports) {

    public StackServiceInfo {
        ports = List.copyOf(ports);
    }
}
