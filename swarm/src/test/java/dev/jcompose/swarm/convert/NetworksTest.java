package dev.jcompose.swarm.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Project;
import dev.jcompose.swarm.Projects;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworksTest {

    @TempDir
    Path dir;

    private final Namespace ns = new Namespace("st");

    @Test
    void aServiceWithoutNetworksJoinsTheStacksDefaultOverlayUnderItsName() {
        Project p = new Projects(dir).load("services: {web: {image: img}}\n");
        List<StackNetwork> networks = Networks.of(ns, p);
        assertEquals("default st_default overlay external=false",
                describe(networks));
        assertEquals("[{\"Target\":\"st_default\",\"Aliases\":[\"web\"]}]",
                Specs.json(Networks.attachments(p.service("web"), networks, Ids.NAMES)));
    }

    @Test
    void declaredNetworksKeepTheirOptionsAndABridgeBecomesAnOverlay() {
        Project p = new Projects(dir).load("""
                services:
                  web:
                    image: img
                    networks:
                      front: {aliases: [www]}
                      back: {}
                      shared: {}
                networks:
                  front: {driver: bridge, attachable: true, labels: {tier: front}}
                  back: {internal: true, driver_opts: {encrypted: "true"}}
                  shared: {external: true, name: the-shared}
                """);
        List<StackNetwork> networks = Networks.of(ns, p);
        assertEquals("""
                front st_front overlay external=false attachable labels={com.docker.stack.namespace=st, tier=front}
                back st_back overlay external=false internal options={encrypted=true}
                shared the-shared overlay external=true""", describe(networks));
        assertEquals("[{\"Target\":\"st_back\",\"Aliases\":[\"web\"]},"
                + "{\"Target\":\"st_front\",\"Aliases\":[\"www\",\"web\"]},"
                + "{\"Target\":\"the-shared\",\"Aliases\":[\"web\"]}]",
                Specs.json(Networks.attachments(p.service("web"), networks, Ids.NAMES)));
    }

    @Test
    void theHostNetworkTakesNoAlias() {
        Project p = new Projects(dir).load("""
                services: {web: {image: img, networks: [hostnet]}}
                networks: {hostnet: {external: true, name: host}}
                """);
        assertEquals("[{\"Target\":\"host\"}]", Specs.json(Networks.attachments(
                p.service("web"), Networks.of(ns, p), Ids.NAMES)));
    }

    @Test
    void attachmentsNameNetworksByTheirIds() {
        Project p = new Projects(dir).load("services: {web: {image: img}}\n");
        Ids ids = Ids.of(n -> "id-of-" + n, n -> n, n -> n);
        assertEquals("[{\"Target\":\"id-of-st_default\",\"Aliases\":[\"web\"]}]",
                Specs.json(Networks.attachments(p.service("web"), Networks.of(ns, p), ids)));
    }

    private static String describe(List<StackNetwork> networks) {
        return networks.stream().map(n -> n.key() + " " + n.name() + " " + n.driver()
                + " external=" + n.external() + (n.attachable() ? " attachable" : "")
                + (n.internal() ? " internal" : "")
                + (n.options().isEmpty() ? "" : " options=" + n.options())
                + (n.external() || n.labels().size() == 1 ? ""
                        : " labels=" + new java.util.TreeMap<>(n.labels())))
                .collect(Collectors.joining("\n"));
    }
}
