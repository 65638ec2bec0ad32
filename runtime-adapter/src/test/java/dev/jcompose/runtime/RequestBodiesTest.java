package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.CreateNetworkCmd;
import com.github.dockerjava.api.command.CreateNetworkResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import com.github.dockerjava.core.command.CreateNetworkCmdImpl;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.LoadOptions;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.NetworkSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request bodies jcompose writes itself against the ones docker-java's command beans made
 * for the same specs (the mapping jcompose used before, kept in {@link DockerJavaContainerMapper}),
 * for a project that sets every option the mapper knows. Nulls and empty lists or objects count
 * as absent: the engine reads them alike.
 */
class RequestBodiesTest {

    @TempDir
    Path dir;

    private Project project() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/container-bodies.yaml")) {
            Files.write(dir.resolve("compose.yaml"), in.readAllBytes());
        }
        return ComposeLoader.load(LoadOptions.builder().workingDir(dir).projectName("bodies")
                .processEnv(Map.of()).build());
    }

    /** {@code s} as the executor hands its spec over: links and volumes_from name containers. */
    private static Service resolved(Service s) {
        Service resolved = s;
        if (!s.links().isEmpty()) {
            resolved = resolved.toBuilder().links(List.of("bodies-plain-1:db")).build();
        }
        if (!s.volumesFrom().isEmpty()) {
            resolved = resolved.toBuilder()
                    .volumesFrom(List.of("bodies-full-1:ro", "bodies-gpu-1"))
                    .build();
        }
        return resolved;
    }

    private static ContainerSpec spec(Project p, Service s) {
        return ContainerSpecs.forService(p, resolved(s), 1, "hash");
    }

    private static JsonNode dockerJavaBody(ContainerSpec spec, Service s) {
        AtomicReference<CreateContainerCmd> sent = new AtomicReference<>();
        CreateContainerCmd cmd = new CreateContainerCmdImpl(c -> {
            sent.set(c);
            return new CreateContainerResponse();
        }, null, spec.image());
        DockerJavaContainerMapper.apply(spec, resolved(s), cmd);
        cmd.exec();
        return DockerClientConfig.getDefaultObjectMapper().valueToTree(sent.get());
    }

    @Test
    void containerBodiesAreDockerJavasForEveryOption() throws IOException {
        Project p = project();
        assertEquals(8, p.services().size());
        for (Service s : p.services().values()) {
            if (s.name().equals("propagated")) {
                continue; // beyond docker-java: optionsDockerJavaRefusedPassThrough
            }
            ContainerSpec spec = spec(p, s);
            assertEquals(canonical(dockerJavaBody(spec, s)),
                    canonical(RequestBodies.container(spec)),
                    "service " + s.name());
        }
    }

    @Test
    void optionsDockerJavaRefusedPassThrough() throws IOException {
        // docker-java's enums knew neither this capability, nor this log driver, nor the
        // propagation of a Mount by its name
        Project p = project();
        JsonNode mount = RequestBodies.container(spec(p, p.services().get("propagated")))
                .path("HostConfig").path("Mounts").path(0);
        assertEquals("{\"Target\":\"/no-create\",\"Source\":\"/tmp\",\"Type\":\"bind\","
                + "\"BindOptions\":{\"Propagation\":\"rslave\"},\"ReadOnly\":false}",
                mount.toString());
        Service s = p.services().get("plain").toBuilder().capAdd(List.of("cap_bpf")).build();
        s = s.toBuilder().logging(new dev.jcompose.model.Logging("local", Map.of())).build();
        JsonNode host = RequestBodies.container(spec(p, s)).path("HostConfig");
        assertEquals("BPF", host.path("CapAdd").path(0).asText());
        assertEquals("local", host.path("LogConfig").path("Type").asText());
    }

    @Test
    void theFirstNetworksEndpointCarriesAliasesAddressesAndLinks() throws IOException {
        Project p = project();
        JsonNode full = RequestBodies.container(spec(p, p.services().get("full")));
        JsonNode endpoint = full.path("NetworkingConfig").path("EndpointsConfig")
                .path("bodies_front");
        assertEquals("172.28.0.10", endpoint.path("IPAMConfig").path("IPv4Address").asText());
        assertTrue(endpoint.path("Aliases").toString().contains("\"web\""),
                endpoint.toString());
        JsonNode linked = RequestBodies.container(spec(p, p.services().get("linked")));
        assertEquals("[\"bodies-plain-1:db\"]", linked.path("NetworkingConfig")
                .path("EndpointsConfig").path("bodies_default").path("Links").toString());
        JsonNode bridged = RequestBodies.container(spec(p, p.services().get("bridged")));
        assertEquals("[\"bodies-plain-1:db\"]", bridged.path("HostConfig").path("Links")
                .toString());
        assertFalse(bridged.has("NetworkingConfig"), "legacy links only on the bridge network");
    }

    @Test
    void connectEndpointsAreDockerJavas() throws IOException {
        Project p = project();
        for (Service s : p.services().values()) {
            for (ContainerSpec.NetworkAttachment a : spec(p, s).networks()) {
                ContainerNetwork expected = new ContainerNetwork().withAliases(a.aliases())
                        .withLinks(new Link("bodies-plain-1", "db"));
                if (a.ipv4Address() != null || a.ipv6Address() != null) {
                    expected.withIpamConfig(new ContainerNetwork.Ipam()
                            .withIpv4Address(a.ipv4Address()).withIpv6Address(a.ipv6Address()));
                }
                assertEquals(canonical(DockerClientConfig.getDefaultObjectMapper()
                        .valueToTree(expected)), canonical(RequestBodies.endpoint(a,
                        List.of("bodies-plain-1:db"))), s.name() + " on " + a.network());
            }
        }
    }

    @Test
    void networkBodiesAreDockerJavas() throws IOException {
        Project p = project();
        for (var n : p.networks().values()) {
            NetworkSpec spec = NetworkSpec.of(n, Map.of("com.docker.compose.network", "x"));
            ObjectNode expected = (ObjectNode) dockerJavaNetworkBody(spec);
            // docker-java wrote EnableIPv6 twice, once as "enableIPv6" (its getter's name); the
            // engine's case-insensitive decoding read both into the same field
            assertEquals(expected.path("EnableIPv6"), expected.remove("enableIPv6"));
            assertEquals(canonical(expected),
                    canonical(NetworkBodies.network(spec)), n.name());
        }
    }

    /**
     * What docker-java's network request cannot carry, against the Engine API's field names:
     * a pool's auxiliary addresses and the IPAM driver's options (compose v2 sends both).
     */
    @Test
    void networkBodiesCarryAuxiliaryAddressesAndIpamOptions() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  a: {image: busybox}
                networks:
                  n:
                    driver_opts: {com.docker.network.bridge.name: jc0}
                    ipam:
                      driver: default
                      options: {foo: bar}
                      config:
                        - subnet: 10.9.0.0/24
                          aux_addresses: {router: 10.9.0.2}
                """);
        Project p = ComposeLoader.load(LoadOptions.builder().workingDir(dir).projectName("aux")
                .processEnv(Map.of()).build());
        ObjectNode body = NetworkBodies.network(NetworkSpec.of(p.networks().get("n"), Map.of()));
        assertEquals("bridge", body.path("Driver").asText(), body.toString());
        assertEquals("jc0", body.path("Options").path("com.docker.network.bridge.name").asText());
        JsonNode ipam = body.path("IPAM");
        assertEquals("default", ipam.path("Driver").asText(), body.toString());
        assertEquals("bar", ipam.path("Options").path("foo").asText(), body.toString());
        assertEquals("10.9.0.2", ipam.path("Config").path(0).path("AuxiliaryAddresses")
                .path("router").asText(), body.toString());
    }

    /** The network create request as jcompose made it through docker-java. */
    private static JsonNode dockerJavaNetworkBody(NetworkSpec spec) {
        AtomicReference<CreateNetworkCmd> sent = new AtomicReference<>();
        CreateNetworkCmd cmd = new CreateNetworkCmdImpl(c -> {
            sent.set(c);
            return new CreateNetworkResponse();
        }).withName(spec.name()).withLabels(spec.labels()).withCheckDuplicate(true);
        cmd.withDriver(spec.driver());
        if (spec.enableIpv6() != null) {
            cmd.withEnableIpv6(spec.enableIpv6());
        }
        if (spec.ipam() != null) {
            List<Network.Ipam.Config> configs = new ArrayList<>();
            for (var pool : spec.ipam().config()) {
                configs.add(new Network.Ipam.Config().withSubnet(pool.subnet())
                        .withIpRange(pool.ipRange()).withGateway(pool.gateway()));
            }
            cmd.withIpam(new Network.Ipam().withConfig(configs));
        }
        cmd.exec();
        return DockerClientConfig.getDefaultObjectMapper().valueToTree(sent.get());
    }

    /**
     * {@code n} as the engine reads it: through JSON text (so 5 as an int or a long compare
     * equal), without nulls and without empty lists and objects.
     */
    private static JsonNode canonical(JsonNode n) throws IOException {
        return pruned(JsonTrees.read(JsonTrees.write(n)));
    }

    private static JsonNode pruned(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            n.properties().forEach(e -> {
                JsonNode v = pruned(e.getValue());
                if (!v.isNull() && !(v.isContainerNode() && v.isEmpty())) {
                    out.set(e.getKey(), v);
                }
            });
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            n.forEach(v -> out.add(pruned(v)));
            return out;
        }
        return n;
    }
}
