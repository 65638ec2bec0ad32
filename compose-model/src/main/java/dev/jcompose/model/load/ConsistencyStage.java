package dev.jcompose.model.load;

import dev.jcompose.model.Diagnostics;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.YamlPath;
import java.util.Map;

/**
 * Checks references between services and resources: dependencies, networks, named volumes,
 * secrets and configs must be declared, and every service needs an image or a build.
 */
final class ConsistencyStage {

    private ConsistencyStage() {
    }

    /**
     * {@code volumes_from: [x]} and {@code network_mode} / {@code ipc} / {@code pid}
     * {@code service:x} name services too: they must exist, as with depends_on.
     */
    private static void implicitDependencies(String name, MapNode svc, MapNode services,
            MapNode disabled, YamlPath path, Diagnostics diag) {
        if (svc.get("volumes_from") instanceof SeqNode from) {
            for (int i = 0; i < from.size(); i++) {
                String ref = Nodes.text(from.get(i));
                if (ref == null || ref.startsWith("container:")) {
                    continue;
                }
                int colon = ref.indexOf(':');
                String dep = colon < 0 ? ref : ref.substring(0, colon);
                if (!services.has(dep) && !disabled.has(dep)) {
                    diag.error(from.get(i), path.key("volumes_from").index(i), "service \""
                            + name + "\" depends on undefined service \"" + dep + "\""
                            + Schema.suggestion(dep, services.keys()));
                }
            }
        }
        for (String key : new String[] {"network_mode", "ipc", "pid"}) {
            String value = Nodes.text(svc.get(key));
            if (value != null && value.startsWith("service:")) {
                String dep = value.substring("service:".length());
                if (!services.has(dep) && !disabled.has(dep)) {
                    diag.error(svc.get(key), path.key(key), "service \"" + name
                            + "\" depends on undefined service \"" + dep + "\""
                            + Schema.suggestion(dep, services.keys()));
                }
            }
        }
    }

    static void check(MapNode root, MapNode disabled, Diagnostics diag) {
        MapNode services = ResolveStages.map(root, "services");
        MapNode networks = ResolveStages.map(root, "networks");
        MapNode volumes = ResolveStages.map(root, "volumes");
        MapNode secrets = ResolveStages.map(root, "secrets");
        MapNode configs = ResolveStages.map(root, "configs");
        for (Map.Entry<String, Node> e : services.entries().entrySet()) {
            String name = e.getKey();
            MapNode svc = (MapNode) e.getValue();
            YamlPath path = YamlPath.of("services", name);
            if (!svc.has("image") && !svc.has("build")) {
                diag.error(services.keyMark(name), path, "service \"" + name
                        + "\" has neither an image nor a build context; add image: or build:");
            }
            if (svc.get("depends_on") instanceof MapNode deps) {
                deps.entries().forEach((dep, v) -> {
                    if (services.has(dep)) {
                        return;
                    }
                    boolean required = !(v instanceof MapNode m && m.get("required") != null
                            && Boolean.FALSE.equals(Nodes.plain(m.get("required"))));
                    if (disabled.has(dep)) {
                        if (required) {
                            diag.error(deps.keyMark(dep), path.key("depends_on").key(dep),
                                    "service \"" + name + "\" depends on \"" + dep
                                    + "\", which is not enabled: activate one of its profiles "
                                    + ProfilesStage.profilesOf(disabled.get(dep))
                                    + " or set required: false");
                        }
                    } else if (required) {
                        diag.error(deps.keyMark(dep), path.key("depends_on").key(dep),
                                "service \"" + name + "\" depends on undefined service \""
                                + dep + "\"" + Schema.suggestion(dep, services.keys()));
                    }
                });
            }
            implicitDependencies(name, svc, services, disabled, path, diag);
            if (svc.get("networks") instanceof MapNode nets) {
                nets.keys().forEach(net -> {
                    if (!networks.has(net)) {
                        diag.error(nets.keyMark(net), path.key("networks").key(net),
                                "service \"" + name + "\" refers to undefined network \"" + net
                                + "\"" + Schema.suggestion(net, networks.keys())
                                + "; declare it under the top-level networks:");
                    }
                });
            }
            if (svc.get("volumes") instanceof SeqNode vols) {
                for (int i = 0; i < vols.size(); i++) {
                    if (vols.get(i) instanceof MapNode v && "volume".equals(Nodes.text(v.get("type")))
                            && v.get("source") != null) {
                        String src = Nodes.text(v.get("source"));
                        if (src != null && !src.isEmpty() && !volumes.has(src)) {
                            diag.error(v, path.key("volumes").index(i), "service \"" + name
                                    + "\" refers to undefined volume \"" + src + "\""
                                    + Schema.suggestion(src, volumes.keys())
                                    + "; declare it under the top-level volumes:");
                        }
                    }
                }
            }
            references(svc, "secrets", secrets, name, path, diag);
            references(svc, "configs", configs, name, path, diag);
        }
    }

    private static void references(MapNode svc, String kind, MapNode declared, String name,
            YamlPath path, Diagnostics diag) {
        if (!(svc.get(kind) instanceof SeqNode refs)) {
            return;
        }
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i) instanceof MapNode r) {
                String src = Nodes.text(r.get("source"));
                if (src != null && !declared.has(src)) {
                    diag.error(r, path.key(kind).index(i), "service \"" + name
                            + "\" refers to undefined " + kind.substring(0, kind.length() - 1)
                            + " \"" + src + "\"" + Schema.suggestion(src, declared.keys()));
                }
            }
        }
    }
}
