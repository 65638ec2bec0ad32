package dev.jcompose.planner.exec;

import dev.jcompose.planner.ConfigHash;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns a container spec's references to services ({@code network_mode}, {@code ipc} and
 * {@code pid} {@code service:x}, {@code links}, {@code volumes_from}) into the containers the
 * engine takes. One per plan: the project's containers are listed once, at the first reference,
 * and the plan's own steps keep that list current as they create, start, stop, rename and remove
 * containers (see {@link #created} and the others).
 */
final class ServiceReferences {

    /** States the engine lists without {@code all}: what "a running container" means here. */
    private static final Set<String> LISTED_AS_RUNNING = Set.of("running", "paused",
            "restarting");

    /** A container of the project as this plan knows it. */
    private record Known(String id, String name, String service, boolean running) { }

    private final Engine engine;
    private final String project;
    /** The project's service containers (not one-offs) by id; null until first needed. */
    private Map<String, Known> containers;

    ServiceReferences(Engine engine, String project) {
        this.engine = engine;
        this.project = project;
    }

    /**
     * {@code spec} to be created as {@code name}, with its service references resolved and the
     * image id label {@code imageId} (when known).
     */
    ContainerSpec resolve(ContainerSpec spec, String name, String imageId) {
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        if (imageId != null) {
            labels.put(Labels.IMAGE, imageId);
        }
        // the config hash includes the ids of the containers it shares (as compose v2's)
        labels.computeIfPresent(Labels.CONFIG_HASH, (k, hash) -> ConfigHash.finish(hash,
                service -> serviceContainer("config hash", service, true)));
        String networkMode = spec.networkMode();
        if (networkMode != null && networkMode.startsWith("service:")) {
            networkMode = "container:" + serviceContainer("network_mode",
                    networkMode.substring("service:".length()), false);
        }
        ContainerSpec.Host host = spec.host().withNamespaceModes(
                serviceReference("ipc", spec.host().ipcMode()),
                serviceReference("pid", spec.host().pidMode()));
        // links and external_links as the engine takes them: container:alias
        List<String> links = new ArrayList<>();
        for (String link : spec.links()) {
            // to the linked service's container; none (up --no-deps): no link
            int colon = link.indexOf(':');
            String target = colon < 0 ? link : link.substring(0, colon);
            serviceContainers(target, true).stream().findFirst().ifPresent(c ->
                    links.add(c.name() + ":" + (colon < 0 ? target : link.substring(colon + 1))));
        }
        for (String link : spec.externalLinks()) {
            links.add(link.contains(":") ? link : link + ":" + link);
        }
        List<String> from = new ArrayList<>();
        for (String entry : spec.volumesFrom()) {
            from.add(volumesFrom(entry));
        }
        return spec.toBuilder()
                .name(name)
                .labels(labels)
                .networkMode(networkMode)
                .host(host)
                .links(links)
                .externalLinks(List.of())
                .volumesFrom(from)
                .build();
    }

    /** A {@code service:x} IPC or PID mode as the container of x; any other mode as it is. */
    private String serviceReference(String key, String mode) {
        return mode != null && mode.startsWith("service:") ? "container:"
                + serviceContainer(key, mode.substring("service:".length()), false) : mode;
    }

    /**
     * A {@code volumes_from} entry as the engine takes it, {@code container[:ro|rw]}: a service
     * name (or {@code service:name}) becomes the id of one of its containers.
     */
    private String volumesFrom(String entry) {
        if (entry.startsWith("container:")) {
            return entry.substring("container:".length());
        }
        String rest = entry.startsWith("service:") ? entry.substring("service:".length()) : entry;
        int colon = rest.indexOf(':');
        String target = colon < 0 ? rest : rest.substring(0, colon);
        String mode = colon < 0 ? "" : rest.substring(colon);
        return serviceContainer("volumes_from", target, true) + mode;
    }

    /** The id of a container of {@code service} in this project (running, unless stopped). */
    private String serviceContainer(String key, String service, boolean stoppedToo) {
        List<Known> found = serviceContainers(service, stoppedToo);
        if (found.isEmpty()) {
            throw new EngineException(key + " refers to service " + service + ", which has no "
                    + (stoppedToo ? "" : "running ") + "container");
        }
        return found.get(0).id();
    }

    /** The containers of {@code service} in this project, by name (not one-offs). */
    private synchronized List<Known> serviceContainers(String service, boolean stoppedToo) {
        if (containers == null) {
            containers = new LinkedHashMap<>();
            for (ContainerSummary c : engine.listContainers(Map.of(Labels.PROJECT, project),
                    true)) {
                if (!"True".equals(c.label(Labels.ONEOFF)) && c.label(Labels.SERVICE) != null) {
                    containers.put(c.id(), new Known(c.id(), c.name(), c.label(Labels.SERVICE),
                            LISTED_AS_RUNNING.contains(c.state())));
                }
            }
        }
        return containers.values().stream()
                .filter(c -> c.service().equals(service) && (stoppedToo || c.running()))
                .sorted(Comparator.comparing(Known::name))
                .toList();
    }

    /**
     * The plan created container {@code id} from {@code spec}, named {@code name} (a pre_start
     * hook's container, run and removed in its step, is none of its service's containers).
     */
    synchronized void created(String id, String name, ContainerSpec spec) {
        String service = spec.labels().get(Labels.SERVICE);
        if (containers != null && service != null && spec.labels().get(Labels.HOOK) == null
                && !"True".equals(spec.labels().get(Labels.ONEOFF))) {
            containers.put(id, new Known(id, name, service, false));
        }
    }

    /** The plan renamed container {@code id} to {@code name}. */
    synchronized void renamed(String id, String name) {
        update(id, k -> new Known(k.id(), name, k.service(), k.running()));
    }

    /** The plan started container {@code id} (or name). */
    synchronized void started(String id) {
        update(id, k -> new Known(k.id(), k.name(), k.service(), true));
    }

    /** The plan stopped (or killed) container {@code id}. */
    synchronized void stopped(String id) {
        update(id, k -> new Known(k.id(), k.name(), k.service(), false));
    }

    /** The plan removed container {@code id}. */
    synchronized void removed(String id) {
        if (containers != null) {
            containers.remove(id);
        }
    }

    /** Changes the container known by {@code idOrName} (a start may name its container). */
    private void update(String idOrName, UnaryOperator<Known> change) {
        if (containers != null) {
            containers.replaceAll((id, k) -> id.equals(idOrName) || k.name().equals(idOrName)
                    ? change.apply(k) : k);
        }
    }
}
