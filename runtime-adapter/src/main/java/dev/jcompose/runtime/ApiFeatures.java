package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.EngineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container requests as the engine's API version allows them, decided as compose v2 decides
 * them:
 * <ul>
 * <li>API 1.44 (Docker 25) and later take every network's endpoint in the create request, and the
 * MAC address on the endpoint: the service-level {@code mac_address} moves to the first network's
 * endpoint and the container-wide field stays empty. Before 1.44 the further networks are
 * connected after the create, the first network's MAC address is the container-wide one (and,
 * for Podman, which ignores that field on a user network, the endpoint's too), and a MAC address
 * on more than one network is refused;</li>
 * <li>{@code healthcheck.start_interval} before 1.44 is refused (compose v2 2.26);</li>
 * <li>{@code interface_name} before 1.49 (Docker 28.1) is refused, as compose v2 refuses it;</li>
 * <li>an endpoint carries its {@code driver_opts}, {@code gw_priority} and link-local addresses
 * on every version (an engine before 1.48 ignores the priority, as with compose v2);</li>
 * <li>on Podman, a variable named without a value is unset through Podman's {@code UnsetEnv},
 * and {@code links}, which Podman refuses, are refused with what to use instead.</li>
 * </ul>
 */
final class ApiFeatures {

    /** The endpoint driver option an interface name is passed in. */
    static final String IFNAME = "com.docker.network.endpoint.ifname";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ApiFeatures() {
    }

    /**
     * Refuses what the engine cannot do for {@code spec}, as {@link EngineRequirements} decides
     * (the first unmet requirement, with the service, the key and both versions named).
     */
    static void check(ContainerSpec spec, EngineIdentity engine) {
        List<EngineRequirements.Unmet> unmet = EngineRequirements.of(spec, engine);
        if (!unmet.isEmpty()) {
            throw new EngineException(unmet.get(0).describe());
        }
    }

    /**
     * Completes the create request {@code body} of {@code spec} for {@code engine}: every
     * endpoint's settings and, from API 1.44, every network. Returns the networks the request
     * attaches besides the first, which must not be connected again.
     */
    static List<String> adapt(ObjectNode body, ContainerSpec spec, EngineIdentity engine) {
        if (engine.isPodman()) {
            unsetEnv(body, spec);
        }
        if (spec.networks().isEmpty()
                || !(body.path("NetworkingConfig").path("EndpointsConfig")
                        instanceof ObjectNode endpoints)
                || !(endpoints.path(spec.networks().get(0).network()) instanceof ObjectNode first)) {
            return List.of();
        }
        String mac = spec.networks().get(0).macAddress() != null
                ? spec.networks().get(0).macAddress() : spec.macAddress();
        complete(first, spec.networks().get(0));
        if (!engine.speaks(ApiVersion.V1_44)) {
            if (mac != null) {
                body.put("MacAddress", mac);
                if (engine.isPodman()) {
                    // Podman 4 ignores the container-wide field on a user network
                    first.put("MacAddress", mac);
                }
            }
            return List.of();
        }
        body.remove("MacAddress");
        if (mac != null) {
            first.put("MacAddress", mac);
        }
        List<String> attached = new ArrayList<>();
        for (int i = 1; i < spec.networks().size(); i++) {
            ContainerSpec.NetworkAttachment a = spec.networks().get(i);
            endpoints.set(a.network(), endpoint(a, List.of()));
            attached.add(a.network());
        }
        return attached;
    }

    /**
     * A variable named without a value ({@code environment: [EMPTY]}, unset where jcompose runs)
     * is removed from the image's environment: Docker does so for a bare name in {@code Env},
     * Podman 4 only for the names in its own {@code UnsetEnv} field.
     */
    private static void unsetEnv(ObjectNode body, ContainerSpec spec) {
        List<String> bare = spec.env().stream().filter(e -> e.indexOf('=') < 0).toList();
        if (!bare.isEmpty()) {
            bare.forEach(body.putArray("UnsetEnv")::add);
        }
    }

    /** The settings of an endpoint on {@code a}'s network, with everything the service gives. */
    static ObjectNode endpoint(ContainerSpec.NetworkAttachment a, List<String> links) {
        return complete(RequestBodies.endpoint(a, links), a);
    }

    /** The connect request's body for {@code a}, as {@link #endpoint} completes it. */
    static ObjectNode connect(String containerId, ContainerSpec.NetworkAttachment a,
            List<String> links) {
        ObjectNode body = NODES.objectNode().put("Container", containerId);
        body.set("EndpointConfig", endpoint(a, links));
        return body;
    }

    private static ObjectNode complete(ObjectNode endpoint, ContainerSpec.NetworkAttachment a) {
        if (a.macAddress() != null) {
            endpoint.put("MacAddress", a.macAddress());
        }
        if (!a.linkLocalIps().isEmpty()) {
            ObjectNode ipam = endpoint.has("IPAMConfig") ? (ObjectNode) endpoint.get("IPAMConfig")
                    : endpoint.putObject("IPAMConfig");
            a.linkLocalIps().forEach(ipam.withArray("LinkLocalIPs")::add);
        }
        Map<String, String> opts = new LinkedHashMap<>(a.driverOpts());
        if (a.interfaceName() != null && !a.interfaceName().isEmpty()) {
            opts.put(IFNAME, a.interfaceName());
        }
        if (!opts.isEmpty()) {
            ObjectNode o = endpoint.putObject("DriverOpts");
            opts.forEach(o::put);
        }
        if (a.gwPriority() != null) {
            endpoint.put("GwPriority", a.gwPriority());
        }
        return endpoint;
    }
}
