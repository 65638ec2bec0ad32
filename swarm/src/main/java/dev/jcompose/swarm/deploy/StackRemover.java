package dev.jcompose.swarm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.swarm.convert.Namespace;
import java.time.Duration;
import java.util.List;

/**
 * {@code stack rm}: the stack's services, then its secrets and configs, then its networks (once
 * the services' tasks have let go of them), found by the stack's label. Then, unless detached,
 * it waits until every task has ended, so nothing of the stack runs when it returns (swarm
 * removes the ended tasks and their containers soon after).
 */
public final class StackRemover {

    private static final Duration TASKS_GONE = Duration.ofSeconds(60);

    private final SwarmClient client;
    private final ProgressListener progress;

    public StackRemover(SwarmClient client, ProgressListener progress) {
        this.client = client;
        this.progress = progress;
    }

    /** Removes the stack; false when there was nothing of it. */
    public boolean remove(Namespace ns, boolean detach) throws InterruptedException {
        client.requireManager();
        ObjectDeployer objects = new ObjectDeployer(client, ns, progress);
        List<JsonNode> services = client.services(ns.filter());
        List<JsonNode> secrets = client.secrets(SwarmClient.labelFilter(ns.filter()));
        List<JsonNode> configs = client.configs(SwarmClient.labelFilter(ns.filter()));
        List<JsonNode> networks = client.networks(ns.filter());
        if (services.isEmpty() && secrets.isEmpty() && configs.isEmpty() && networks.isEmpty()) {
            return false;
        }
        for (JsonNode s : services.stream().sorted((a, b) -> name(a).compareTo(name(b)))
                .toList()) {
            objects.removeWhenFree("Service " + name(s), () -> client.removeService(id(s)));
        }
        for (JsonNode s : secrets) {
            objects.removeWhenFree("Secret " + name(s), () -> client.removeSecret(id(s)));
        }
        for (JsonNode c : configs) {
            objects.removeWhenFree("Config " + name(c), () -> client.removeConfig(id(c)));
        }
        for (JsonNode n : networks) {
            objects.removeWhenFree("Network " + n.path("Name").asText(),
                    () -> client.removeNetwork(n.path("Id").asText()));
        }
        if (!detach) {
            long deadline = System.nanoTime() + TASKS_GONE.toNanos();
            while (client.tasks(ns.filter(), false).stream().anyMatch(t -> !TaskStates.isTerminal(
                    t.path("Status").path("State").asText())) && System.nanoTime() < deadline) {
                Thread.sleep(StackWatch.INTERVAL.toMillis());
            }
        }
        return true;
    }

    private static String name(JsonNode o) {
        return o.path("Spec").path("Name").asText();
    }

    private static String id(JsonNode o) {
        return o.path("ID").asText();
    }
}
