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
        body.put("Driver", spec.driver());
        if (!spec.driverOptions().isEmpty()) {
            body.set("Options", map(spec.driverOptions()));
        }
        put(body, "Internal", spec.internal());
        put(body, "Attachable", spec.attachable());
        put(body, "EnableIPv6", spec.enableIpv6());
        if (spec.ipam() != null) {
            ObjectNode ipam = body.putObject("IPAM");
            put(ipam, "Driver", spec.ipam().driver());
            ArrayNode configs = ipam.putArray("Config");
            for (Network.Pool pool : spec.ipam().config()) {
                ObjectNode c = configs.addObject();
                put(c, "Subnet", pool.subnet());
                put(c, "IPRange", pool.ipRange());
                put(c, "Gateway", pool.gateway());
                if (!pool.auxAddresses().isEmpty()) {
                    c.set("AuxiliaryAddresses", map(pool.auxAddresses()));
                }
            }
            if (!spec.ipam().options().isEmpty()) {
                ipam.set("Options", map(spec.ipam().options()));
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
