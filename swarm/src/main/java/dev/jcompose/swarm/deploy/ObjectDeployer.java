package dev.jcompose.swarm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.swarm.StackException;
import dev.jcompose.swarm.convert.Namespace;
import dev.jcompose.swarm.convert.StackNetwork;
import dev.jcompose.swarm.convert.StackObject;
import dev.jcompose.swarm.convert.StackObjects;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The stack's networks, secrets and configs: those missing are created, before any service;
 * after the services, versions of a secret or config that no service uses any more are
 * removed, and with prune, what the files no longer declare.
 */
final class ObjectDeployer {

    private final SwarmClient client;
    private final Namespace ns;
    private final ProgressListener progress;

    ObjectDeployer(SwarmClient client, Namespace ns, ProgressListener progress) {
        this.client = client;
        this.ns = ns;
        this.progress = progress;
    }

    /**
     * Checks that the external networks, secrets and configs exist, before anything is created,
     * and records their IDs.
     */
    void externals(StackObjects objects, ObjectKind secrets, ObjectKind configs,
            ResolvedIds ids) {
        for (StackNetwork n : objects.networks()) {
            if (n.external()) {
                ids.network(n.name(), external(n, client.network(n.name()).orElse(null)));
            }
        }
        externals(secrets, objects.secrets().values(), ids.secrets());
        externals(configs, objects.configs().values(), ids.configs());
    }

    private void externals(ObjectKind kind, Collection<StackObject> objects,
            Map<String, String> ids) {
        for (StackObject o : objects) {
            if (o.external()) {
                ids.put(o.name(), kind.list().apply(Map.of("name", List.of(o.name()))).stream()
                        .filter(x -> x.path("Spec").path("Name").asText().equals(o.name()))
                        .map(x -> x.path("ID").asText()).findFirst()
                        .orElseThrow(() -> new StackException(kind.noun().toLowerCase(
                                Locale.ROOT) + " " + o.name() + " is declared as external, "
                                + "but could not be found; create it first (docker "
                                + kind.noun().toLowerCase(Locale.ROOT) + " create)")));
            }
        }
    }

    /** Finds or creates each of the stack's own networks, and records its ID. */
    void networks(List<StackNetwork> networks, ResolvedIds ids) {
        Map<String, String> existing = new HashMap<>();
        client.networks(ns.filter()).forEach(n -> existing.put(n.path("Name").asText(),
                n.path("Id").asText()));
        for (StackNetwork n : networks) {
            if (n.external()) {
                continue;
            }
            String id = existing.get(n.name());
            if (id == null) {
                JsonNode found = client.network(n.name()).orElse(null);
                if (found != null && "swarm".equals(found.path("Scope").asText())) {
                    id = found.path("Id").asText();
                } else {
                    String resource = "Network " + n.name();
                    progress.on(ProgressEvent.working(resource, "Creating"));
                    id = client.createNetwork(n);
                    progress.on(ProgressEvent.done(resource, "Created"));
                }
            }
            ids.network(n.name(), id);
        }
    }

    private String external(StackNetwork n, JsonNode found) {
        if (found == null) {
            throw new StackException("network " + n.name() + " is declared as external, but "
                    + "could not be found; create it first (docker network create --driver "
                    + "overlay --attachable " + n.name() + ")");
        }
        String scope = found.path("Scope").asText();
        if (!StackNetwork.isPredefined(n.name()) && !"swarm".equals(scope)) {
            throw new StackException("network " + n.name() + " is declared as external, but "
                    + "its scope is " + scope + ", not swarm: services can only join networks "
                    + "that span the swarm (create it with --driver overlay)");
        }
        return found.path("Id").asText();
    }

    /** Finds or creates each of the stack's own secrets or configs, and records its ID. */
    void objects(ObjectKind kind, Collection<StackObject> objects, Map<String, String> ids) {
        Map<String, String> existing = new HashMap<>();
        kind.list().apply(SwarmClient.labelFilter(ns.filter())).forEach(o -> existing.put(
                o.path("Spec").path("Name").asText(), o.path("ID").asText()));
        for (StackObject o : objects) {
            if (o.external()) {
                continue;
            }
            String id = existing.get(o.name());
            if (id == null) {
                String resource = kind.noun() + " " + o.name();
                progress.on(ProgressEvent.working(resource, "Creating"));
                id = kind.create().apply(o);
                progress.on(ProgressEvent.done(resource, "Created"));
            }
            ids.put(o.name(), id);
        }
    }

    /**
     * Removes the stack's secrets or configs that no service of the stack refers to (in its
     * spec, or in the spec a rollback would return to) and that are old versions of an object
     * still declared, or, with {@code prune}, no longer declared.
     */
    void cleanUp(ObjectKind kind, Collection<StackObject> desired, List<JsonNode> services,
            boolean prune) {
        Set<String> wanted = new HashSet<>();
        Set<String> keys = new HashSet<>();
        desired.forEach(o -> {
            wanted.add(o.name());
            keys.add(o.key());
        });
        Set<String> used = new HashSet<>();
        for (JsonNode s : services) {
            for (String spec : List.of("Spec", "PreviousSpec")) {
                s.path(spec).path("TaskTemplate").path("ContainerSpec").path(kind.refs())
                        .forEach(r -> used.add(r.path(kind.refName()).asText()));
            }
        }
        for (JsonNode o : kind.list().apply(SwarmClient.labelFilter(ns.filter()))) {
            String name = o.path("Spec").path("Name").asText();
            String key = o.path("Spec").path("Labels").path(Namespace.KEY_LABEL).asText("");
            if (wanted.contains(name) || used.contains(name)
                    || !(keys.contains(key) || prune)) {
                continue;
            }
            remove(kind.noun() + " " + name, () -> kind.remove().accept(o.path("ID").asText()));
        }
    }

    /** Removes the stack's networks no service of the files uses (with prune). */
    void pruneNetworks(List<StackNetwork> desired) {
        Set<String> wanted = new HashSet<>();
        desired.forEach(n -> wanted.add(n.name()));
        for (JsonNode n : client.networks(ns.filter())) {
            String name = n.path("Name").asText();
            if (!wanted.contains(name)) {
                removeWhenFree("Network " + name, () -> client.removeNetwork(
                        n.path("Id").asText()));
            }
        }
    }

    /** Removes, retrying while the engine says the object is in use (tasks still ending). */
    void removeWhenFree(String resource, Runnable removal) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        remove(resource, () -> {
            while (true) {
                try {
                    removal.run();
                    return;
                } catch (EngineException e) {
                    if (!SwarmClient.inUse(e) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    pause();
                }
            }
        });
    }

    private static void pause() {
        try {
            Thread.sleep(StackWatch.INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    private void remove(String resource, Runnable removal) {
        progress.on(ProgressEvent.working(resource, "Removing"));
        try {
            removal.run();
        } catch (EngineException.NotFound e) {
            // already gone
        }
        progress.on(ProgressEvent.done(resource, "Removed"));
    }
}
