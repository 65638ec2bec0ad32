package dev.jcompose.swarm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.ServiceSpec;
import dev.jcompose.model.Project;
import dev.jcompose.planner.DependencyGraph;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.swarm.StackException;
import dev.jcompose.swarm.convert.Ids;
import dev.jcompose.swarm.convert.Namespace;
import dev.jcompose.swarm.convert.ServiceConverter;
import dev.jcompose.swarm.convert.StackObjects;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The stack's services, created or updated in parallel, each once its dependencies
 * ({@code depends_on}, which {@code docker stack deploy} ignores) have converged: their tasks
 * running, healthy when they have a healthcheck, or, for jobs, completed. A service whose spec
 * equals the swarm's is left alone: no update, no task restarted.
 */
final class ServiceDeployer {

    private final SwarmClient client;
    private final Namespace ns;
    private final ProgressListener progress;
    private final StackWatch watch;
    private final Duration dependencyTimeout;

    /** @param dependencyTimeout how long to wait for a dependency at most; null: no limit */
    ServiceDeployer(SwarmClient client, Namespace ns, ProgressListener progress,
            StackWatch watch, Duration dependencyTimeout) {
        this.client = client;
        this.ns = ns;
        this.progress = progress;
        this.watch = watch;
        this.dependencyTimeout = dependencyTimeout;
    }

    /** A service not deployed because a dependency failed; that failure says why. */
    private static final class Skipped extends StackException {
        private static final long serialVersionUID = 1L;

        Skipped() {
            super("");
        }
    }

    /**
     * Deploys every service of {@code project}.
     *
     * @return for each service (by its swarm name), whether it was created or updated
     * @throws StackException naming every service that could not be deployed
     */
    Map<String, Boolean> deploy(Project project, StackObjects objects, Ids ids) {
        Map<String, JsonNode> existing = new HashMap<>();
        client.services(ns.filter()).forEach(s -> existing.put(s.path("Spec").path("Name")
                .asText(), s));
        DependencyGraph graph;
        try {
            graph = DependencyGraph.of(project);
        } catch (DependencyGraph.CycleException e) {
            throw new StackException(e.getMessage());
        }
        Map<String, CompletableFuture<Boolean>> futures = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String name : graph.startOrder()) {
                List<String> deps = List.copyOf(graph.dependencies(name));
                CompletableFuture<?>[] before = deps.stream().map(futures::get)
                        .toArray(CompletableFuture<?>[]::new);
                futures.put(name, CompletableFuture.allOf(before).handleAsync((v, failed) -> {
                    if (failed != null) {
                        String resource = "Service " + ns.scope(name);
                        progress.on(ProgressEvent.error(resource, "Not deployed",
                                "a dependency failed"));
                        throw new Skipped();
                    }
                    awaitDependencies(name, deps, futures);
                    return deployOne(project, name, objects, ids, existing.get(ns.scope(name)));
                }, pool));
            }
            // every future ends before the pool closes: a dependent's step is handed to the
            // pool only when its dependencies end
            CompletableFuture.allOf(futures.values().toArray(CompletableFuture<?>[]::new))
                    .exceptionally(e -> null).join();
        }
        Map<String, Boolean> out = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        futures.forEach((name, f) -> {
            try {
                out.put(ns.scope(name), f.join());
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof Skipped)) {
                    failures.add(e.getCause() == null ? e.getMessage()
                            : e.getCause().getMessage());
                }
            }
        });
        if (!failures.isEmpty()) {
            throw new StackException(String.join("\n", failures));
        }
        return out;
    }

    private void awaitDependencies(String name, List<String> deps,
            Map<String, CompletableFuture<Boolean>> futures) {
        for (String dep : deps) {
            String resource = "Service " + ns.scope(name);
            progress.on(new ProgressEvent(resource, ProgressEvent.Status.WORKING, "Waiting",
                    "for " + ns.scope(dep), -1, -1, null));
            try {
                watch.require(ns.scope(dep), futures.get(dep).join(), ns.scope(name),
                        dependencyTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted", e);
            } catch (StackException e) {
                progress.on(ProgressEvent.error(resource, "Not deployed", ns.scope(dep)
                        + " did not converge"));
                throw e;
            }
        }
    }

    /** Creates, updates or leaves alone one service; true when it changed. */
    private boolean deployOne(Project project, String name, StackObjects objects, Ids ids,
            JsonNode existing) {
        ServiceSpec spec = ServiceConverter.convert(ns, project, project.service(name), objects,
                ids);
        String resource = "Service " + spec.getName();
        try {
            if (existing == null) {
                progress.on(ProgressEvent.working(resource, "Creating"));
                client.createService(spec);
                progress.on(ProgressEvent.done(resource, "Created"));
                return true;
            }
            JsonNode force = existing.path("Spec").path("TaskTemplate").path("ForceUpdate");
            if (force.isNumber() && force.asInt() != 0) {
                spec.getTaskTemplate().withForceUpdate(force.asInt());
            }
            List<String> changes = SpecDiff.changes(SpecDiff.tree(spec),
                    existing.path("Spec"));
            if (changes.isEmpty()) {
                progress.on(ProgressEvent.done(resource, "Unchanged"));
                return false;
            }
            progress.on(new ProgressEvent(resource, ProgressEvent.Status.WORKING, "Updating",
                    "changed: " + String.join(", ", changes), -1, -1, null));
            client.updateService(existing.path("ID").asText(),
                    existing.path("Version").path("Index").asLong(), spec);
            progress.on(ProgressEvent.done(resource, "Updated"));
            return true;
        } catch (RuntimeException e) {
            progress.on(ProgressEvent.error(resource, "Failed", e.getMessage()));
            throw new StackException("service " + spec.getName() + ": " + e.getMessage(), e);
        }
    }
}
