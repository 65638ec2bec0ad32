package dev.jcompose.swarm.convert;

import dev.jcompose.model.Network;
import java.util.Map;

/**
 * A network the stack's services use: created with the stack (an overlay unless another driver
 * is named) or, when external, expected to exist.
 *
 * @param key      the compose key ({@code default}, {@code back})
 * @param name     the engine's name ({@code NAME_back}, or {@code name:})
 * @param external whether it must exist already
 * @param driver   the driver to create it with
 * @param options  driver options
 * @param labels   labels, the stack's included
 * @param ipam     address management, or null
 */
public record StackNetwork(String key, String name, boolean external, String driver,
        Map<String, String> options, Map<String, String> labels, boolean attachable,
        boolean internal, boolean ipv6, Network.Ipam ipam) {

    public StackNetwork {
        options = Map.copyOf(options);
        labels = Map.copyOf(labels);
    }

    /** Networks of the engine every node has, to which services attach without an alias. */
    public static boolean isPredefined(String name) {
        return name.equals("host") || name.equals("bridge") || name.equals("none")
                || name.equals("ingress");
    }
}
