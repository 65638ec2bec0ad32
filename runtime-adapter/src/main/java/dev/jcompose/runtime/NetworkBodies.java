package dev.jcompose.runtime;

import static dev.jcompose.runtime.RequestBodies.map;
import static dev.jcompose.runtime.RequestBodies.put;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.Network;
import dev.jcompose.planner.engine.NetworkSpec;
import dev.jcompose.planner.engine.VolumeSpec;

/**
 * The bodies of the Engine API's network and volume requests (create a network or a volume,
 * disconnect a container), as JSON trees; {@code RequestBodiesTest} checks them against
 * docker-java's.
 */
final class NetworkBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NetworkBodies() {
    }

    /** The create-network request's body. */
    static ObjectNode network(NetworkSpec spec) {
        ObjectNode body = NODES.objectNode().put("Name", spec.name()).put("CheckDuplicate", true);
        body.set("Labels", map(spec.labels()));
        Network n = spec.network();
        if (n != null) {
            body.put("Driver", n.driver() == null ? "bridge" : n.driver());
            if (!n.driverOpts().isEmpty()) {
                body.set("Options", map(n.driverOpts()));
            }
            put(body, "Internal", n.internal());
            put(body, "Attachable", n.attachable());
            put(body, "EnableIPv6", n.enableIpv6());
            if (n.ipam() != null) {
                ObjectNode ipam = body.putObject("IPAM");
                put(ipam, "Driver", n.ipam().driver());
                ArrayNode configs = ipam.putArray("Config");
                for (var pool : n.ipam().config()) {
                    ObjectNode c = configs.addObject();
                    put(c, "Subnet", pool.subnet());
                    put(c, "IPRange", pool.ipRange());
                    put(c, "Gateway", pool.gateway());
                }
            }
        }
        return body;
    }

    /** The create-volume request's body. */
    static ObjectNode volume(VolumeSpec spec) {
        ObjectNode body = NODES.objectNode().put("Name", spec.name());
        body.set("Labels", map(spec.labels()));
        put(body, "Driver", spec.driver());
        if (!spec.driverOpts().isEmpty()) {
            body.set("DriverOpts", map(spec.driverOpts()));
        }
        return body;
    }

    /** The disconnect-from-network request's body. */
    static ObjectNode disconnect(String containerId, boolean force) {
        ObjectNode body = NODES.objectNode().put("Container", containerId);
        if (force) {
            body.put("Force", true);
        }
        return body;
    }
}
