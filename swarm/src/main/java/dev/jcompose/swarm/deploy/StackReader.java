package dev.jcompose.swarm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.swarm.StackServiceInfo;
import dev.jcompose.swarm.StackSummary;
import dev.jcompose.swarm.StackTask;
import dev.jcompose.swarm.convert.Namespace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code stack ls}, {@code ps} and {@code services}: what the swarm holds, by its labels. */
public final class StackReader {

    private final SwarmClient client;

    public StackReader(SwarmClient client) {
        this.client = client;
    }

    /** The stacks, by name, with their service counts. */
    public List<StackSummary> stacks() {
        client.requireManager();
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode s : client.services(Map.of(Namespace.LABEL, ""))) {
            String name = s.path("Spec").path("Labels").path(Namespace.LABEL).asText("");
            if (!name.isEmpty()) {
                counts.merge(name, 1, Integer::sum);
            }
        }
        List<StackSummary> out = new ArrayList<>();
        counts.forEach((name, n) -> out.add(new StackSummary(name, n)));
        return out;
    }

    /** The stack's services, by name. */
    public List<StackServiceInfo> services(Namespace ns) {
        client.requireManager();
        List<StackServiceInfo> out = new ArrayList<>();
        for (JsonNode s : client.services(ns.filter())) {
            JsonNode mode = s.path("Spec").path("Mode");
            JsonNode status = s.path("ServiceStatus");
            String replicas = status.path("RunningTasks").asLong() + "/"
                    + status.path("DesiredTasks").asLong();
            String modeName = mode.has("Global") ? "global" : mode.has("ReplicatedJob")
                    ? "replicated job" : mode.has("GlobalJob") ? "global job" : "replicated";
            if (modeName.endsWith("job")) {
                replicas += " (" + status.path("CompletedTasks").asLong() + "/"
                        + (mode.has("ReplicatedJob") ? mode.path("ReplicatedJob")
                                .path("TotalCompletions").asLong(1)
                                : status.path("DesiredTasks").asLong()) + " completed)";
            }
            out.add(new StackServiceInfo(s.path("ID").asText(), s.path("Spec").path("Name").asText(),
                    modeName, replicas, image(s.path("Spec").path("TaskTemplate")),
                    ports(s.path("Endpoint").path("Ports"))));
        }
        out.sort(Comparator.comparing(StackServiceInfo::name));
        return out;
    }

    /** The stack's tasks, by name, the newest of a slot first. */
    public List<StackTask> tasks(Namespace ns) {
        client.requireManager();
        Map<String, String> nodes = new HashMap<>();
        client.nodes().forEach(n -> nodes.put(n.path("ID").asText(),
                n.path("Description").path("Hostname").asText()));
        Map<String, String> services = new HashMap<>();
        client.services(ns.filter()).forEach(s -> services.put(s.path("ID").asText(),
                s.path("Spec").path("Name").asText()));
        List<StackTask> out = new ArrayList<>();
        for (JsonNode t : client.tasks(ns.filter(), false)) {
            String service = services.getOrDefault(t.path("ServiceID").asText(),
                    t.path("ServiceID").asText());
            String node = nodes.getOrDefault(t.path("NodeID").asText(), "");
            int slot = t.path("Slot").asInt(0);
            JsonNode status = t.path("Status");
            Set<String> ports = new LinkedHashSet<>();
            status.path("PortStatus").path("Ports").forEach(p -> ports.add(port(p)));
            out.add(new StackTask(t.path("ID").asText(),
                    service + "." + (slot > 0 ? String.valueOf(slot) : t.path("NodeID").asText()),
                    image(t.path("Spec")), node, t.path("DesiredState").asText(),
                    status.path("State").asText(), Convergence.timestamp(t),
                    status.path("Err").asText(""), List.copyOf(ports)));
        }
        out.sort(Comparator.comparing(StackTask::name)
                .thenComparing(StackTask::since, Comparator.reverseOrder()));
        return out;
    }

    private static String image(JsonNode taskSpec) {
        String image = taskSpec.path("ContainerSpec").path("Image").asText("");
        int at = image.indexOf('@');
        return at > 0 ? image.substring(0, at) : image;
    }

    private static List<String> ports(JsonNode ports) {
        List<String> out = new ArrayList<>();
        ports.forEach(p -> out.add(port(p)));
        return out;
    }

    /** {@code *:8080->80/tcp}, as the docker CLI prints a published port. */
    static String port(JsonNode p) {
        return "*:" + p.path("PublishedPort").asInt() + "->" + p.path("TargetPort").asInt() + "/"
                + p.path("Protocol").asText("tcp");
    }
}
