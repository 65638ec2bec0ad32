package dev.jcompose.swarm.deploy;

import dev.jcompose.swarm.convert.Ids;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The IDs of the stack's networks, secrets and configs, as the deployer finds or makes them. */
final class ResolvedIds implements Ids {

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

    @Override
    public String network(String name) {
        return networks.getOrDefault(name, name);
    }

    @Override
    public String secret(String name) {
        return secrets.getOrDefault(name, name);
    }

    @Override
    public String config(String name) {
        return configs.getOrDefault(name, name);
    }
}
