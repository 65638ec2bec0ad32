package dev.jcompose.swarm.convert;

import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import dev.jcompose.model.Network;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Networks: the stack's own (those its services use; overlay by default, a {@code bridge}
 * driver becomes overlay, which is what a stack can use), and each service's attachments with
 * its aliases (the service's name is always one, so tasks reach each other by service name).
 */
public final class Networks {

    public static final String OVERLAY = "overlay";

    private Networks() {
    }

    /** The networks the project's services use, in the order they are first used. */
    public static List<StackNetwork> of(Namespace ns, Project project) {
        Set<String> used = new LinkedHashSet<>();
        project.services().values().forEach(s -> used.addAll(s.networks().keySet()));
        List<StackNetwork> out = new ArrayList<>();
        for (String key : used) {
            Network n = project.networks().get(key);
            if (n == null) {
                n = new Network(ns.scope(key), null, null, null, null, null, null, null, null,
                        null, null);
            }
            String driver = n.driver() == null || n.driver().isEmpty()
                    || n.driver().equals("bridge") ? OVERLAY : n.driver();
            out.add(new StackNetwork(key, n.name(), n.isExternal(), driver, n.driverOpts(),
                    ns.labelled(n.labels()), Boolean.TRUE.equals(n.attachable()),
                    Boolean.TRUE.equals(n.internal()), Boolean.TRUE.equals(n.enableIpv6()),
                    n.ipam()));
        }
        return out;
    }

    /** The service's attachments, sorted by network, with their aliases. */
    public static List<NetworkAttachmentConfig> attachments(Service s, List<StackNetwork> networks,
            Ids ids) {
        Map<String, StackNetwork> byKey = new LinkedHashMap<>();
        networks.forEach(n -> byKey.put(n.key(), n));
        List<NetworkAttachmentConfig> out = new ArrayList<>();
        for (Map.Entry<String, ServiceNetwork> e : s.networks().entrySet()) {
            StackNetwork n = byKey.get(e.getKey());
            if (n == null) {
                throw new IllegalArgumentException("undefined network " + e.getKey());
            }
            List<String> aliases = new ArrayList<>();
            ServiceNetwork sn = e.getValue();
            if (sn != null) {
                aliases.addAll(sn.aliases());
            }
            if (!StackNetwork.isPredefined(n.name()) && !aliases.contains(s.name())) {
                aliases.add(s.name());
            }
            NetworkAttachmentConfig a = new NetworkAttachmentConfig()
                    .withTarget(ids.network(n.name()))
                    .withAliases(aliases.isEmpty() ? null : aliases);
            out.add(Raw.put(a, "DriverOpts", sn == null ? null : sn.driverOpts()));
        }
        out.sort(Comparator.comparing(NetworkAttachmentConfig::getTarget));
        return out;
    }
}
