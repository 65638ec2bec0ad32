package dev.jcompose.swarm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.model.Project;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.swarm.DeployOptions;
import dev.jcompose.swarm.StackException;
import dev.jcompose.swarm.convert.Namespace;
import dev.jcompose.swarm.convert.StackObjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code stack deploy}: a thin, ordered reconciliation with what the swarm holds. Networks,
 * secrets and configs first (those missing are created), then the services (created, updated
 * or left alone), then the clean-up of what they no longer use, then, when asked, the wait until
 * every service converged. Scheduling, placement and rolling updates are the swarm's.
 */
public final class StackDeployer {

    private final SwarmClient client;
    private final ProgressListener progress;

    public StackDeployer(SwarmClient client, ProgressListener progress) {
        this.client = client;
        this.progress = progress;
    }

    public void deploy(Project project, Namespace ns, StackObjects objects,
            DeployOptions options) throws InterruptedException {
        Instant since = client.requireManager();
        ResolvedIds ids = new ResolvedIds();
        ObjectDeployer objectDeployer = new ObjectDeployer(client, ns, progress);
        ObjectKind secrets = ObjectKind.secrets(client);
        ObjectKind configs = ObjectKind.configs(client);
        objectDeployer.externals(objects, secrets, configs, ids);
        objectDeployer.networks(objects.networks(), ids);
        objectDeployer.objects(secrets, objects.secrets().values(), ids.secrets());
        objectDeployer.objects(configs, objects.configs().values(), ids.configs());

        StackWatch watch = new StackWatch(client, ns, progress, since);
        Map<String, Boolean> deployed = new ServiceDeployer(client, ns, progress, watch,
                options.waitTimeout()).deploy(project, objects, ids.ids());

        List<JsonNode> services = client.services(ns.filter());
        if (options.prune()) {
            for (JsonNode s : services) {
                if (!deployed.containsKey(s.path("Spec").path("Name").asText())) {
                    objectDeployer.removeWhenFree("Service " + s.path("Spec").path("Name")
                            .asText(), () -> client.removeService(s.path("ID").asText()));
                }
            }
            services = client.services(ns.filter());
        }
        objectDeployer.cleanUp(secrets, objects.secrets().values(), services, options.prune());
        objectDeployer.cleanUp(configs, objects.configs().values(), services, options.prune());
        if (options.prune()) {
            objectDeployer.pruneNetworks(objects.networks());
        }
        if (options.await()) {
            await(watch, deployed, options);
        }
    }

    private static void await(StackWatch watch, Map<String, Boolean> deployed,
            DeployOptions options) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        watch.await(deployed, options.waitTimeout()).forEach((name, st) -> {
            if (st.phase() == ServiceState.Phase.FAILED) {
                failures.add("service " + name + ": " + st.text()
                        + (st.detail().isEmpty() ? "" : ": " + st.detail()));
            }
        });
        if (!failures.isEmpty()) {
            throw new StackException((failures.size() == 1 ? "" : failures.size()
                    + " services did not converge:\n") + String.join("\n", failures));
        }
    }
}
