package dev.jcompose.swarm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.DockerObjectAccessor;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.SecretSpec;
import com.github.dockerjava.api.model.ServiceSpec;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.runtime.DockerApi;
import dev.jcompose.swarm.StackException;
import dev.jcompose.swarm.convert.StackNetwork;
import dev.jcompose.swarm.convert.StackObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The swarm calls a stack needs. Reads go through the raw API as JSON trees (the fields and
 * filters docker-java's models lack: service status, job iterations, up-to-date tasks); writes
 * through docker-java's Swarm API. The only class of the deployer that talks to the engine.
 */
public final class SwarmClient {

    private final DockerApi api;

    public SwarmClient(DockerApi api) {
        this.api = api;
    }

    public String host() {
        return api.host();
    }

    /**
     * Fails, saying what to do, unless the engine is a manager of a swarm; returns the engine's
     * clock, against which task timestamps are read.
     */
    public Instant requireManager() {
        JsonNode info = api.get("/info", Map.of(), "reading the engine's information");
        JsonNode swarm = info == null ? null : info.path("Swarm");
        if (swarm == null || !swarm.path("ControlAvailable").asBoolean(false)) {
            String state = swarm == null ? "" : swarm.path("LocalNodeState").asText("");
            throw new StackException("the engine at " + api.host() + " is not a swarm manager"
                    + (state.equals("active") ? " (it is a worker: run stack commands on a "
                    + "manager, with DOCKER_HOST)" : " (start a swarm with docker swarm init, "
                    + "or point DOCKER_HOST at a manager)"));
        }
        try {
            return Instant.parse(info.path("SystemTime").asText());
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    public List<JsonNode> services(Map<String, String> labels) {
        return list("/services?status=true", labelFilter(labels), "listing services");
    }

    public Optional<JsonNode> service(String idOrName) {
        return Optional.ofNullable(api.get("/services/" + idOrName, Map.of(),
                "inspecting service " + idOrName));
    }

    /** The stack's tasks; with {@code upToDate}, only those of each service's current spec. */
    public List<JsonNode> tasks(Map<String, String> labels, boolean upToDate) {
        Map<String, List<String>> filters = new java.util.LinkedHashMap<>(labelFilter(labels));
        if (upToDate) {
            filters.put("_up-to-date", List.of("true"));
        }
        return list("/tasks", filters, "listing tasks");
    }

    public Optional<JsonNode> task(String id) {
        return Optional.ofNullable(api.get("/tasks/" + id, Map.of(), "inspecting task " + id));
    }

    public List<JsonNode> nodes() {
        return list("/nodes", Map.of(), "listing nodes");
    }

    public List<JsonNode> networks(Map<String, String> labels) {
        return list("/networks", labelFilter(labels), "listing networks");
    }

    public Optional<JsonNode> network(String name) {
        return Optional.ofNullable(api.get("/networks/" + name, Map.of(),
                "inspecting network " + name));
    }

    public List<JsonNode> secrets(Map<String, List<String>> filters) {
        return list("/secrets", filters, "listing secrets");
    }

    public List<JsonNode> configs(Map<String, List<String>> filters) {
        return list("/configs", filters, "listing configs");
    }

    public String createService(ServiceSpec spec) {
        return api.call(c -> c.createServiceCmd(spec).exec().getId());
    }

    public void updateService(String id, long version, ServiceSpec spec) {
        api.run(c -> c.updateServiceCmd(id, spec).withVersion(version).exec());
    }

    public void removeService(String id) {
        api.run(c -> c.removeServiceCmd(id).exec());
    }

    public String createNetwork(StackNetwork n) {
        return api.call(c -> {
            var cmd = c.createNetworkCmd().withName(n.name()).withDriver(n.driver())
                    .withLabels(n.labels()).withAttachable(n.attachable())
                    .withInternal(n.internal()).withEnableIpv6(n.ipv6())
                    .withOptions(n.options()).withCheckDuplicate(true);
            if (n.ipam() != null) {
                cmd.withIpam(ipam(n.ipam()));
            }
            return cmd.exec().getId();
        });
    }

    public void removeNetwork(String id) {
        api.run(c -> c.removeNetworkCmd(id).exec());
    }

    public String createSecret(StackObject o) {
        SecretSpec spec = new SecretSpec().withName(o.name()).withLabels(o.labels());
        // docker-java would encode a string as UTF-8; the content goes as its bytes
        DockerObjectAccessor.overrideRawValue(spec, "Data",
                Base64.getEncoder().encodeToString(o.data()));
        if (o.driver() != null) {
            DockerObjectAccessor.overrideRawValue(spec, "Driver", driver(o.driver(),
                    o.driverOptions()));
        }
        if (o.templateDriver() != null) {
            DockerObjectAccessor.overrideRawValue(spec, "Templating",
                    driver(o.templateDriver(), Map.of()));
        }
        return api.call(c -> c.createSecretCmd(spec).exec().getId());
    }

    public void removeSecret(String id) {
        api.run(c -> c.removeSecretCmd(id).exec());
    }

    public String createConfig(StackObject o) {
        return api.call(c -> c.createConfigCmd().withName(o.name()).withLabels(o.labels())
                .withData(o.data()).exec().getId());
    }

    public void removeConfig(String id) {
        api.run(c -> c.removeConfigCmd(id).exec());
    }

    /** Whether {@code e} says the object is still in use (by a service or a task). */
    public static boolean inUse(EngineException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return e instanceof EngineException.Conflict || m.contains("in use")
                || m.contains("active endpoints");
    }

    private List<JsonNode> list(String path, Map<String, List<String>> filters, String doing) {
        JsonNode answer = api.get(path, filters, doing);
        List<JsonNode> out = new ArrayList<>();
        if (answer != null) {
            answer.forEach(out::add);
        }
        return out;
    }

    /** The engine's {@code label} filter: {@code key=value} for each label ({@code key} for ""). */
    public static Map<String, List<String>> labelFilter(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return Map.of();
        }
        List<String> values = new ArrayList<>();
        labels.forEach((k, v) -> values.add(v == null || v.isEmpty() ? k : k + "=" + v));
        return Map.of("label", values);
    }

    private static Map<String, Object> driver(String name, Map<String, String> options) {
        return options.isEmpty() ? Map.of("Name", name) : Map.of("Name", name, "Options", options);
    }

    private static Network.Ipam ipam(dev.jcompose.model.Network.Ipam ipam) {
        List<Network.Ipam.Config> configs = new ArrayList<>();
        for (dev.jcompose.model.Network.Pool p : ipam.config()) {
            configs.add(new Network.Ipam.Config().withSubnet(p.subnet()).withIpRange(p.ipRange())
                    .withGateway(p.gateway()));
        }
        Network.Ipam out = new Network.Ipam().withDriver(ipam.driver()).withConfig(configs);
        if (!ipam.options().isEmpty()) {
            DockerObjectAccessor.overrideRawValue(out, "Options", ipam.options());
        }
        return out;
    }
}
