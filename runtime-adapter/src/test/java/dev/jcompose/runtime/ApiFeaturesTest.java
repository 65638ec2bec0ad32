package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.Project;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.LoadOptions;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container requests by API version, as compose v2 decides them: golden endpoint settings
 * for Docker 20.10 (API 1.41), Docker 26 (1.45) and Docker 28.1 (1.49), and compose v2's
 * refusals with the versions named.
 */
class ApiFeaturesTest {

    private static final EngineIdentity DOCKER_20 =
            new EngineIdentity(EngineIdentity.Kind.DOCKER, "20.10.24", "1.41");
    private static final EngineIdentity DOCKER_26 =
            new EngineIdentity(EngineIdentity.Kind.DOCKER, "26.1.5", "1.45");
    private static final EngineIdentity DOCKER_28 =
            new EngineIdentity(EngineIdentity.Kind.DOCKER, "28.1.1", "1.49");
    private static final EngineIdentity PODMAN_4 =
            new EngineIdentity(EngineIdentity.Kind.PODMAN, "4.3.1", "1.41");

    @TempDir
    Path dir;

    private ContainerSpec spec(String yaml, String service) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        Project p = ComposeLoader.load(LoadOptions.builder().workingDir(dir).projectName("api")
                .processEnv(Map.of()).build());
        return ContainerSpecs.forService(p, p.services().get(service), 1, "hash");
    }

    private static final String TWO_NETWORKS = """
            services:
              web:
                image: busybox
                mac_address: "02:42:ac:11:00:02"
                networks:
                  front:
                    priority: 10
                    gw_priority: 5
                    driver_opts: {com.example.opt: "1"}
                    link_local_ips: ["169.254.8.8"]
                  back:
                    ipv4_address: 172.31.0.9
            networks:
              front: {}
              back:
                ipam: {config: [{subnet: 172.31.0.0/16}]}
            """;

    private static String endpoints(ObjectNode body) {
        return body.path("NetworkingConfig").path("EndpointsConfig").toString();
    }

    @Test
    void beforeApi144TheFirstNetworkIsCreatedWithTheContainerAndItsMacIsContainerWide()
            throws IOException {
        ContainerSpec spec = spec(TWO_NETWORKS, "web");
        ObjectNode body = RequestBodies.container(spec);
        assertEquals(List.of(), ApiFeatures.adapt(body, spec, DOCKER_20));
        assertEquals("02:42:ac:11:00:02", body.path("MacAddress").asText());
        assertEquals("{\"api_front\":{\"Aliases\":[\"web\",\"api-web-1\"],"
                + "\"IPAMConfig\":{\"LinkLocalIPs\":[\"169.254.8.8\"]},"
                + "\"DriverOpts\":{\"com.example.opt\":\"1\"},\"GwPriority\":5}}", endpoints(body));
        ObjectNode podman = RequestBodies.container(spec);
        ApiFeatures.adapt(podman, spec, PODMAN_4);
        assertEquals("02:42:ac:11:00:02", podman.path("MacAddress").asText());
        assertEquals("02:42:ac:11:00:02", podman.path("NetworkingConfig").path("EndpointsConfig")
                .path("api_front").path("MacAddress").asText());
    }

    @Test
    void fromApi144EveryNetworkIsCreatedWithTheContainerAndTheMacIsTheEndpoints()
            throws IOException {
        ContainerSpec spec = spec(TWO_NETWORKS, "web");
        ObjectNode body = RequestBodies.container(spec);
        assertEquals(List.of("api_back"), ApiFeatures.adapt(body, spec, DOCKER_26));
        assertEquals(false, body.has("MacAddress"), body.toString());
        assertEquals("{\"api_front\":{\"Aliases\":[\"web\",\"api-web-1\"],"
                + "\"IPAMConfig\":{\"LinkLocalIPs\":[\"169.254.8.8\"]},"
                + "\"DriverOpts\":{\"com.example.opt\":\"1\"},\"GwPriority\":5,"
                + "\"MacAddress\":\"02:42:ac:11:00:02\"},"
                + "\"api_back\":{\"IPAMConfig\":{\"IPv4Address\":\"172.31.0.9\"},"
                + "\"Aliases\":[\"web\",\"api-web-1\"]}}", endpoints(body));
    }

    @Test
    void aConnectedNetworksEndpointCarriesItsSettings() throws IOException {
        ContainerSpec spec = spec(TWO_NETWORKS, "web");
        assertEquals("{\"Container\":\"c1\",\"EndpointConfig\":{\"Aliases\":[\"web\","
                + "\"api-web-1\"],\"IPAMConfig\":{\"LinkLocalIPs\":[\"169.254.8.8\"]},"
                + "\"DriverOpts\":{\"com.example.opt\":\"1\"},\"GwPriority\":5}}",
                ApiFeatures.connect("c1", spec.networks().get(0), List.of()).toString());
    }

    @Test
    void startIntervalIsRefusedBeforeApi144() throws IOException {
        ContainerSpec spec = spec("""
                services:
                  test:
                    image: busybox
                    healthcheck:
                      test: /bin/true
                      start_period: 10s
                      start_interval: 1s
                """, "test");
        EngineException e = assertThrows(EngineException.class,
                () -> ApiFeatures.check(spec, DOCKER_20));
        assertEquals("service test: healthcheck.start_interval: needs Docker Engine 25 or later "
                + "(Engine API 1.44); this engine is Docker 20.10.24 (Engine API 1.41)",
                e.getMessage());
        assertThrows(EngineException.class, () -> ApiFeatures.check(spec, PODMAN_4));
        ApiFeatures.check(spec, DOCKER_26);
        assertEquals(1_000_000_000L, RequestBodies.container(spec).path("Healthcheck")
                .path("StartInterval").asLong());
    }

    @Test
    void interfaceNameIsRefusedBeforeApi149AndPassedAsTheEndpointsIfname() throws IOException {
        ContainerSpec spec = spec("""
                services:
                  test:
                    image: busybox
                    networks:
                      default:
                        interface_name: foobar
                """, "test");
        EngineException e = assertThrows(EngineException.class,
                () -> ApiFeatures.check(spec, DOCKER_26));
        assertEquals("service test: networks.default.interface_name: needs Docker Engine 28.1 or "
                + "later (Engine API 1.49); this engine is Docker 26.1.5 (Engine API 1.45)",
                e.getMessage());
        ApiFeatures.check(spec, DOCKER_28);
        ObjectNode body = RequestBodies.container(spec);
        ApiFeatures.adapt(body, spec, DOCKER_28);
        assertEquals("{\"com.docker.network.endpoint.ifname\":\"foobar\"}", body
                .path("NetworkingConfig").path("EndpointsConfig").path("api_default")
                .path("DriverOpts").toString());
    }

    @Test
    void macAddressesOnSeveralNetworksNeedApi144() throws IOException {
        ContainerSpec spec = spec("""
                services:
                  test:
                    image: busybox
                    networks:
                      a: {mac_address: "02:00:00:00:00:0a"}
                      b: {mac_address: "02:00:00:00:00:0b"}
                networks: {a: {}, b: {}}
                """, "test");
        EngineException e = assertThrows(EngineException.class,
                () -> ApiFeatures.check(spec, PODMAN_4));
        assertEquals("service test: networks.b.mac_address: sets a MAC address on a further "
                + "network (a, b), which needs Docker Engine 25 or later (Engine API 1.44); this "
                + "engine is Podman 4.3.1 (Engine API 1.41)", e.getMessage());
        ApiFeatures.check(spec, DOCKER_26);
    }

    @Test
    void onPodmanAVariableWithoutValueIsUnsetThroughUnsetEnv() throws IOException {
        ContainerSpec spec = spec("""
                services:
                  test:
                    image: busybox
                    environment: [EMPTY, SET=1]
                """, "test");
        ObjectNode docker = RequestBodies.container(spec);
        ApiFeatures.adapt(docker, spec, DOCKER_26);
        assertEquals(false, docker.has("UnsetEnv"));
        ObjectNode podman = RequestBodies.container(spec);
        ApiFeatures.adapt(podman, spec, PODMAN_4);
        assertEquals("[\"EMPTY\"]", podman.path("UnsetEnv").toString());
        assertEquals("[\"EMPTY\",\"SET=1\"]", podman.path("Env").toString());
    }

    @Test
    void podmanRefusesLinksSoTheyAreRefusedWithWhatToUseInstead() throws IOException {
        ContainerSpec spec = spec("""
                services:
                  web:
                    image: busybox
                    links: ["db:database"]
                  db:
                    image: busybox
                """, "web");
        ApiFeatures.check(spec, DOCKER_20);
        EngineException e = assertThrows(EngineException.class,
                () -> ApiFeatures.check(spec, PODMAN_4));
        assertEquals("service web: links: Podman does not support container links (its API "
                + "refuses them); reach the linked service by its name, or give it a network "
                + "alias (networks.NAME.aliases)", e.getMessage());
    }

    @Test
    void theServiceMacMustMatchTheFirstNetworks() throws IOException {
        ContainerSpec spec = spec("""
                services:
                  test:
                    image: busybox
                    mac_address: "02:00:00:00:00:01"
                    networks:
                      default: {mac_address: "02:00:00:00:00:02"}
                """, "test");
        EngineException e = assertThrows(EngineException.class,
                () -> ApiFeatures.check(spec, DOCKER_26));
        assertEquals("service test: mac_address: 02:00:00:00:00:01 differs from "
                + "networks.default.mac_address 02:00:00:00:00:02; the service-level one must "
                + "be the same", e.getMessage());
    }
}
