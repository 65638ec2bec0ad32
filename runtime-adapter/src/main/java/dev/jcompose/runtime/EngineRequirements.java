package dev.jcompose.runtime;

import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceNetwork;
import dev.jcompose.model.tree.YamlPath;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What a service asks of the engine that the engine may not do, decided by the engine's kind and
 * API version as compose v2 decides it (compose v2 2.26 refuses {@code start_interval} before
 * API 1.44 with "can't set healthcheck.start_interval as feature require Docker Engine v25 or
 * later", once the project's networks exist; jcompose refuses before anything is created):
 * <ul>
 * <li>{@code healthcheck.start_interval} needs API 1.44 (Docker Engine 25);</li>
 * <li>a MAC address on more than one network needs API 1.44 (each endpoint its own);</li>
 * <li>{@code networks.*.interface_name} needs API 1.49 (Docker Engine 28.1);</li>
 * <li>a service-level {@code mac_address} must equal its first network's;</li>
 * <li>Podman refuses container {@code links}.</li>
 * </ul>
 * Pure: the same answer for the same service and engine, checked before a plan runs (with the
 * key's position in the compose files) and again when a container is created.
 */
public final class EngineRequirements {

    /**
     * A key the engine cannot honour: where it is in the model
     * ({@code services.web.healthcheck.start_interval}) and why, naming both versions.
     */
    public record Unmet(String service, YamlPath path, String message) {

        /** {@code service web: healthcheck.start_interval: needs ...}, for a single line. */
        public String describe() {
            YamlPath key = new YamlPath(path.segments().subList(2, path.size()));
            return "service " + service + ": " + key + ": " + message;
        }
    }

    private EngineRequirements() {
    }

    /**
     * True when {@code s} uses anything an engine might not do, so an engine that never sees
     * such a key is not even asked its version.
     */
    public static boolean asksMuch(Service s) {
        return (s.healthcheck() != null && s.healthcheck().startInterval() != null)
                || !s.links().isEmpty() || s.networks().values().stream().anyMatch(n ->
                        n != null && (n.macAddress() != null || hasText(n.interfaceName())));
    }

    /** What {@code s} asks that {@code engine} cannot do; empty when it can do all of it. */
    public static List<Unmet> of(Service s, EngineIdentity engine) {
        List<String> keys = s.networkMode() != null && !s.networkMode().isEmpty() ? List.of()
                : s.networkNames();
        List<NetworkAsk> networks = new ArrayList<>();
        for (String key : keys) {
            ServiceNetwork n = s.networks().get(key);
            networks.add(new NetworkAsk(key, n == null ? null : n.macAddress(),
                    n == null ? null : n.interfaceName()));
        }
        return unmet(new Asks(s.name(), s.healthcheck() != null
                && s.healthcheck().startInterval() != null, !s.links().isEmpty(), networks,
                s.macAddress()), engine);
    }

    /**
     * What the container {@code spec} asks that {@code engine} cannot do, as {@link #of(Service,
     * EngineIdentity)} says it of the service the spec was made from.
     */
    public static List<Unmet> of(ContainerSpec spec, EngineIdentity engine) {
        String service = spec.labels().getOrDefault(Labels.SERVICE, spec.name());
        List<NetworkAsk> networks = spec.networks().stream().filter(a -> a.key() != null)
                .map(a -> new NetworkAsk(a.key(), a.macAddress(), a.interfaceName())).toList();
        return unmet(new Asks(service, spec.healthcheck() != null
                && spec.healthcheck().startInterval() != null, !spec.links().isEmpty(),
                networks, spec.macAddress()), engine);
    }

    /** A network of a service: its key, MAC address and interface name. */
    private record NetworkAsk(String key, String macAddress, String interfaceName) { }

    /** What a service asks of the engine, from its model or from a container's spec. */
    private record Asks(String service, boolean startInterval, boolean links,
            List<NetworkAsk> networks, String macAddress) { }

    private static List<Unmet> unmet(Asks s, EngineIdentity engine) {
        List<Unmet> out = new ArrayList<>();
        YamlPath at = YamlPath.of("services", s.service());
        String running = "; this engine is " + engine.kind() + " " + engine.version()
                + " (Engine API " + engine.apiVersion() + ")";
        if (s.startInterval() && !engine.speaks(ApiVersion.V1_44)) {
            out.add(new Unmet(s.service(), at.key("healthcheck").key("start_interval"),
                    "needs Docker Engine 25 or later (Engine API 1.44)" + running));
        }
        if (engine.isPodman() && s.links()) {
            out.add(new Unmet(s.service(), at.key("links"), "Podman does not support container "
                    + "links (its API refuses them); reach the linked service by its name, or "
                    + "give it a network alias (networks.NAME.aliases)"));
        }
        List<String> withMac = new ArrayList<>();
        for (NetworkAsk n : s.networks()) {
            if (hasText(n.interfaceName()) && !engine.speaks(ApiVersion.V1_49)) {
                out.add(new Unmet(s.service(), at.key("networks").key(n.key())
                        .key("interface_name"),
                        "needs Docker Engine 28.1 or later (Engine API 1.49)" + running));
            }
            if (n.macAddress() != null) {
                withMac.add(n.key());
            }
        }
        NetworkAsk first = s.networks().isEmpty() ? null : s.networks().get(0);
        if (s.macAddress() != null && first != null && first.macAddress() != null
                && !first.macAddress().equals(s.macAddress())) {
            out.add(new Unmet(s.service(), at.key("mac_address"), s.macAddress()
                    + " differs from networks." + first.key() + ".mac_address "
                    + first.macAddress() + "; the service-level one must be the same"));
        }
        if (withMac.size() > 1 && !engine.speaks(ApiVersion.V1_44)) {
            out.add(new Unmet(s.service(), at.key("networks").key(withMac.get(1))
                    .key("mac_address"), "sets a MAC address on a further network ("
                    + String.join(", ", withMac) + "), which needs Docker Engine 25 or later "
                    + "(Engine API 1.44)" + running));
        }
        return out;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isEmpty();
    }
}
