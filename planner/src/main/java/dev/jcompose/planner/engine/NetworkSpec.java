package dev.jcompose.planner.engine;

import dev.jcompose.model.Network;
import java.util.Map;

/**
 * A network to create, as the engine is asked for it: every compose rule (the default driver,
 * which settings are sent) is applied by {@link #of}, so an engine adapter only serialises.
 *
 * @param driver the network driver; the engine's default is {@code bridge}
 * @param internal {@code null} where the file does not say
 * @param ipam the file's {@code ipam:} as it is (a plain value); {@code null} where it has none
 */
public record NetworkSpec(String name, Map<String, String> labels, String driver,
        Map<String, String> driverOptions, Boolean internal, Boolean attachable,
        Boolean enableIpv6, Network.Ipam ipam) {

    public NetworkSpec {
        labels = Map.copyOf(labels);
        driverOptions = Map.copyOf(driverOptions);
    }

    /** A network with the engine's defaults, as tests and external tooling make one. */
    public static NetworkSpec plain(String name, Map<String, String> labels) {
        return new NetworkSpec(name, labels, "bridge", Map.of(), null, null, null, null);
    }

    /**
     * The request for the file's network {@code n} with {@code labels}: compose's rules are
     * that an unset driver is {@code bridge} and that an IPAM block is sent only where the file
     * has one, its pools with their auxiliary addresses and its driver options.
     */
    public static NetworkSpec of(Network n, Map<String, String> labels) {
        return new NetworkSpec(n.name(), labels, n.driver() == null ? "bridge" : n.driver(),
                n.driverOpts(), n.internal(), n.attachable(), n.enableIpv6(), n.ipam());
    }
}
