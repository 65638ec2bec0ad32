package dev.jcompose.model;

import java.util.List;
import java.util.Map;

/** A top-level network. {@code name} is the engine-side name (project prefix applied). */
public record Network(
        String name,
        String driver,
        Map<String, String> driverOpts,
        Ipam ipam,
        Boolean external,
        Boolean internal,
        Boolean attachable,
        Boolean enableIpv4,
        Boolean enableIpv6,
        Map<String, String> labels,
        @Yaml.Extensions Map<String, Object> extensions) {

    public Network {
        driverOpts = Coll.map(driverOpts);
        labels = Coll.map(labels);
        extensions = Coll.map(extensions);
    }

    public boolean isExternal() {
        return external != null && external;
    }

    public Network withLabels(Map<String, String> newLabels) {
        return new Network(name, driver, driverOpts, ipam, external, internal, attachable,
                enableIpv4, enableIpv6, newLabels, extensions);
    }

    /** IP address management. */
    public record Ipam(String driver, List<Pool> config, Map<String, String> options) {
        public Ipam {
            config = Coll.list(config);
            options = Coll.map(options);
        }
    }

    /** One IPAM pool. */
    public record Pool(String subnet, String ipRange, String gateway,
            Map<String, String> auxAddresses) {
        public Pool {
            auxAddresses = Coll.map(auxAddresses);
        }
    }
}
