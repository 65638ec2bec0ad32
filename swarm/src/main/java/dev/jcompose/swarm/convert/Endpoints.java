package dev.jcompose.swarm.convert;

import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.PortConfigProtocol;
import dev.jcompose.model.PortConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code deploy.endpoint_mode} and {@code ports}: how other services find this one (a virtual IP,
 * or DNS round robin over its tasks' addresses) and the ports it publishes (through the routing
 * mesh on every node, {@code mode: ingress}, or on the node a task runs on, {@code mode: host}).
 */
public final class Endpoints {

    /** The values {@code endpoint_mode} takes. */
    public static final List<String> MODES = List.of("vip", "dnsrr");

    private Endpoints() {
    }

    public static EndpointSpec of(String endpointMode, List<PortConfig> ports) {
        String mode = endpointMode == null || endpointMode.isEmpty() ? "vip"
                : endpointMode.toLowerCase(Locale.ROOT);
        List<com.github.dockerjava.api.model.PortConfig> out = ports.stream()
                .map(Endpoints::port)
                .sorted(Comparator
                        .comparingInt(com.github.dockerjava.api.model.PortConfig::getPublishedPort)
                        .thenComparingInt(com.github.dockerjava.api.model.PortConfig::getTargetPort)
                        .thenComparing(p -> p.getProtocol().name()))
                .toList();
        return new EndpointSpec()
                .withMode(mode.equals("dnsrr") ? EndpointResolutionMode.DNSRR
                        : EndpointResolutionMode.VIP)
                .withPorts(out.isEmpty() ? null : out);
    }

    private static com.github.dockerjava.api.model.PortConfig port(PortConfig p) {
        return new com.github.dockerjava.api.model.PortConfig()
                .withName(p.name())
                .withProtocol(PortConfigProtocol.valueOf(p.protocol().toUpperCase(Locale.ROOT)))
                .withTargetPort(p.target() == null ? 0 : p.target())
                .withPublishedPort(published(p.published()))
                .withPublishMode("host".equals(p.mode())
                        ? com.github.dockerjava.api.model.PortConfig.PublishMode.host
                        : com.github.dockerjava.api.model.PortConfig.PublishMode.ingress);
    }

    /** The published port; for a range, its first port (the check warns); unset: 0 (any). */
    static int published(String published) {
        if (published == null || published.isEmpty()) {
            return 0;
        }
        int dash = published.indexOf('-');
        return Integer.parseInt(dash < 0 ? published : published.substring(0, dash));
    }
}
