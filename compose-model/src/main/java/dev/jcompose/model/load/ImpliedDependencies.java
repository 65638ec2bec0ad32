package dev.jcompose.model.load;

import dev.jcompose.model.DependsOn;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * The dependencies a service states without {@code depends_on}, written into it as compose-go
 * (the version compose v2 2.26.1 vendors) normalises a model: each service a {@code links}
 * entry, a {@code network_mode} / {@code ipc} / {@code pid} / {@code uts} / {@code cgroup}
 * {@code service:NAME}, or a {@code volumes_from} entry (not {@code container:}) names becomes
 * a dependency started first ({@code service_started}, {@code required}), restarted with it
 * except for {@code volumes_from}. A dependency declared in {@code depends_on} is kept as it
 * is. They are part of the model {@code config} prints and of the config hash.
 */
final class ImpliedDependencies {

    private static final List<String> NAMESPACES = List.of("network_mode", "ipc", "pid", "uts",
            "cgroup");

    /**
     * One reference to another service: its name as compose-go reads it, the node and path
     * that state it, and whether the dependent restarts with it.
     */
    record Reference(String service, Node node, YamlPath path, boolean restart) { }

    private ImpliedDependencies() {
    }

    /**
     * The references of {@code svc} (at {@code path}) to other services, in compose-go's order:
     * links, then the namespaces, then volumes_from.
     */
    static List<Reference> of(MapNode svc, YamlPath path) {
        List<Reference> out = new ArrayList<>();
        if (svc.get("links") instanceof SeqNode links) {
            for (int i = 0; i < links.size(); i++) {
                String link = Nodes.text(links.get(i));
                if (link != null) {
                    // "db:alias" depends on db; compose-go keeps any other shape whole
                    String[] parts = link.split(":", -1);
                    out.add(new Reference(parts.length == 2 ? parts[0] : link, links.get(i),
                            path.key("links").index(i), true));
                }
            }
        }
        for (String key : NAMESPACES) {
            String mode = Nodes.text(svc.get(key));
            if (mode != null && mode.startsWith("service:")) {
                out.add(new Reference(mode.substring("service:".length()), svc.get(key),
                        path.key(key), true));
            }
        }
        if (svc.get("volumes_from") instanceof SeqNode from) {
            for (int i = 0; i < from.size(); i++) {
                String ref = Nodes.text(from.get(i));
                if (ref != null && !ref.startsWith("container:")) {
                    out.add(new Reference(ref.split(":", 2)[0], from.get(i),
                            path.key("volumes_from").index(i), false));
                }
            }
        }
        return out;
    }

    /** {@code services} with each service's implied dependencies added to its depends_on. */
    static MapNode apply(MapNode services) {
        return services.mapValues((name, v) -> v instanceof MapNode svc
                ? withImplied(svc, YamlPath.of("services", name)) : v);
    }

    private static MapNode withImplied(MapNode svc, YamlPath path) {
        List<Reference> refs = of(svc, path);
        if (refs.isEmpty()) {
            return svc;
        }
        MapNode declared = svc.get("depends_on") instanceof MapNode m ? m : null;
        if (declared == null && svc.get("depends_on") != null) {
            return svc; // not a mapping: validation reports it
        }
        MapNode.Builder deps = declared != null ? declared.toBuilder()
                : MapNode.builder(refs.get(0).node().mark());
        for (Reference ref : refs) {
            if (deps.has(ref.service())) {
                continue;
            }
            var mark = ref.node().mark();
            MapNode.Builder dep = MapNode.builder(mark)
                    .put("condition", mark, Nodes.str(DependsOn.STARTED, mark));
            if (ref.restart()) {
                dep.put("restart", mark, ScalarNode.of(Boolean.TRUE, mark));
            }
            dep.put("required", mark, ScalarNode.of(Boolean.TRUE, mark));
            deps.put(ref.service(), mark, dep.build());
        }
        return svc.with("depends_on", deps.build());
    }
}
