package dev.jcompose.swarm.deploy;

import dev.jcompose.swarm.convert.Ids;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The IDs of the stack's networks, secrets and configs, as the deployer finds or makes them. */
final class ResolvedIds {

    private final Map<String, String> networks = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, String> configs = new ConcurrentHashMap<>();

    void network(String name, String id) {
        networks.put(name, id);
    }

    Map<String, String> secrets() {
        return secrets;
    }

    Map<String, String> configs() {
        return configs;
    }

    /** The IDs found so far, by name (a name not found stands for itself). */
    Ids ids() {
        return Ids.of(n -> networks.getOrDefault(n, n), n -> secrets.getOrDefault(n, n),
                n -> configs.getOrDefault(n, n));
    }
}
