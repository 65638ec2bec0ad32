package dev.jcompose.model;

import java.util.List;
import java.util.Map;

/** How a service attaches to one network ({@code services.*.networks.NAME}). */
public record ServiceNetwork(
        List<String> aliases,
        String ipv4Address,
        String ipv6Address,
        List<String> linkLocalIps,
        String macAddress,
        Map<String, String> driverOpts,
        Integer priority,
        Integer gwPriority,
        String interfaceName) {

    public ServiceNetwork {
        aliases = Coll.list(aliases);
        linkLocalIps = Coll.list(linkLocalIps);
        driverOpts = Coll.map(driverOpts);
    }
}
