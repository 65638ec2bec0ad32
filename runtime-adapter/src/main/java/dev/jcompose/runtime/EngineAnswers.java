package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.NetworkSummary;
import dev.jcompose.planner.engine.VolumeSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's JSON answers read into the port's records: containers as the list and inspect
 * give them, networks, volumes and labels. Pure functions of the answer (DockerEngine reads
 * the answers as JSON trees, not docker-java's beans, for start-up cost).
 */
final class EngineAnswers {

    private static final Pattern EXITED = Pattern.compile("Exited \\((-?\\d+)\\)");

    private EngineAnswers() {
    }

    /** A container of the engine's list ({@code GET /containers/json}). */
    static ContainerSummary container(JsonNode c) {
        String id = c.path("Id").asText();
        JsonNode names = c.path("Names");
        String name = names.isArray() && !names.isEmpty()
                ? names.get(0).asText().replaceFirst("^/", "") : id;
        String status = c.path("Status").asText("");
        String health = status.contains("(healthy)") ? "healthy"
                : status.contains("(unhealthy)") ? "unhealthy"
                : status.contains("(health: starting)") ? "starting" : null;
        Integer exit = null;
        Matcher m = EXITED.matcher(status);
        if (m.find()) {
            exit = Integer.parseInt(m.group(1));
        }
        List<ContainerSummary.PublishedPort> ports = new ArrayList<>();
        for (JsonNode p : c.path("Ports")) {
            if (p.hasNonNull("PublicPort")) {
                ports.add(new ContainerSummary.PublishedPort(HostIp.of(p.path("IP").asText(null)),
                        p.path("PublicPort").asInt(), p.path("PrivatePort").asInt(0),
                        p.path("Type").asText(null)));
            }
        }
        return new ContainerSummary(id, name, c.path("Image").asText(null),
                c.path("ImageID").asText(null), c.path("State").asText(null), health, exit,
                labels(c), ports, c.path("Created").asLong(0), namedVolumes(c), listing(c));
    }

    /** The rest of a container list entry, as compose v2's ps reads it. */
    private static ContainerSummary.Listing listing(JsonNode c) {
        List<String> names = new ArrayList<>();
        c.path("Names").forEach(n -> names.add(n.asText().replaceFirst("^/", "")));
        List<String> mounts = new ArrayList<>();
        int local = 0;
        for (JsonNode m : c.path("Mounts")) {
            String n = m.path("Name").asText("");
            mounts.add(n.isEmpty() ? m.path("Source").asText("") : n);
            if ("local".equals(m.path("Driver").asText(""))) {
                local++;
            }
        }
        List<String> networks = new ArrayList<>();
        c.path("NetworkSettings").path("Networks").fieldNames().forEachRemaining(networks::add);
        List<ContainerSummary.PublishedPort> ports = new ArrayList<>();
        for (JsonNode p : c.path("Ports")) {
            ports.add(new ContainerSummary.PublishedPort(p.path("IP").asText(""),
                    p.path("PublicPort").asInt(0), p.path("PrivatePort").asInt(0),
                    p.path("Type").asText("")));
        }
        ports.sort(java.util.Comparator.comparingInt(ContainerSummary.PublishedPort::containerPort));
        return new ContainerSummary.Listing(c.path("Command").asText(""),
                c.path("Status").asText(""), names, mounts, local, networks, ports,
                c.path("SizeRw").asLong(0), c.path("SizeRootFs").asLong(0));
    }

    /** An object's {@code Labels} (absent or null: none). */
    static Map<String, String> labels(JsonNode n) {
        Map<String, String> labels = new LinkedHashMap<>();
        n.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** A container as the engine inspects it ({@code GET /containers/ID/json}). */
    static ContainerSummary inspected(JsonNode r) {
        JsonNode st = r.path("State");
        String state = st.isObject() ? st.path("Status").asText(null) : "unknown";
        String health = st.path("Health").path("Status").asText(null);
        Integer exit = st.hasNonNull("ExitCode") && ("exited".equals(state) || "dead".equals(state))
                ? st.path("ExitCode").asInt() : null;
        List<ContainerSummary.PublishedPort> ports = new ArrayList<>();
        r.path("NetworkSettings").path("Ports").properties().forEach(e -> {
            int slash = e.getKey().indexOf('/');
            int containerPort = Integer.parseInt(slash < 0 ? e.getKey()
                    : e.getKey().substring(0, slash));
            String protocol = slash < 0 ? "tcp" : e.getKey().substring(slash + 1);
            for (JsonNode b : e.getValue()) {
                ports.add(new ContainerSummary.PublishedPort(HostIp.of(b.path("HostIp").asText(null)),
                        Integer.parseInt(b.path("HostPort").asText()), containerPort, protocol));
            }
        });
        JsonNode config = r.path("Config");
        return new ContainerSummary(r.path("Id").asText(),
                r.path("Name").asText("").replaceFirst("^/", ""),
                config.path("Image").asText(null), r.path("Image").asText(null), state, health,
                exit, labels(config), ports, 0, namedVolumes(r));
    }

    static NetworkSummary network(JsonNode n) {
        return new NetworkSummary(n.path("Id").asText(), n.path("Name").asText(),
                n.path("Driver").asText(null), labels(n));
    }

    static VolumeSummary volume(JsonNode v) {
        return new VolumeSummary(v.path("Name").asText(), v.path("Driver").asText(null),
                labels(v), v.path("Mountpoint").asText(null), v.path("Scope").asText(null));
    }

    /** The named volumes a container mounts, by where they are mounted. */
    private static Map<String, String> namedVolumes(JsonNode container) {
        Map<String, String> volumes = new LinkedHashMap<>();
        for (JsonNode mount : container.path("Mounts")) {
            String volume = mount.path("Name").asText("");
            if (!volume.isEmpty() && mount.hasNonNull("Destination")) {
                volumes.put(mount.path("Destination").asText(), volume);
            }
        }
        return volumes;
    }
}
