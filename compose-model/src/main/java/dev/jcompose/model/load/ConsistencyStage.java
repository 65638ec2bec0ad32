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
     * {@code links}, {@code volumes_from} and {@code network_mode} / {@code ipc} / {@code pid}
     * {@code service:x} name services too ({@link ImpliedDependencies}): they must exist, as
     * with depends_on. When the model is normalised they are dependencies, so, as compose v2,
     * one in a profile that is not active is refused unless depends_on declares it.
     */
    private static void implicitDependencies(String name, MapNode svc, MapNode services,
            MapNode disabled, boolean normalized, YamlPath path, Diagnostics diag) {
        MapNode declared = svc.get("depends_on") instanceof MapNode m ? m : MapNode.empty(
                svc.mark());
        for (ImpliedDependencies.Reference ref : ImpliedDependencies.of(svc, path)) {
            String dep = ref.service();
            String key = String.valueOf(ref.path().segments().get(path.size()));
            if (services.has(dep)) {
                continue;
            }
            if (!disabled.has(dep)) {
                diag.error(ref.node(), ref.path(), "service \"" + name
                        + "\" depends on undefined service \"" + dep + "\""
                        + Schema.suggestion(dep, services.keys()));
            } else if (normalized && !declared.has(dep)) {
                diag.error(ref.node(), ref.path(), "service \"" + name + "\" depends on \""
                        + dep + "\" through " + key + ", which is not enabled: activate one of"
                        + " its profiles " + ProfilesStage.profilesOf(disabled.get(dep))
                        + ", or declare it in depends_on with required: false");
            }
        }
    }

    /**
     * {@code develop.watch}: {@code rebuild} needs a build section, the sync actions a target,
     * {@code sync+exec} a command.
     */
    private static void watchRules(String name, MapNode svc, YamlPath path, Diagnostics diag) {
        if (!(svc.get("develop") instanceof MapNode dev)
                || !(dev.get("watch") instanceof SeqNode rules)) {
            return;
        }
        YamlPath at = path.key("develop").key("watch");
        for (int i = 0; i < rules.size(); i++) {
            if (!(rules.get(i) instanceof MapNode rule) || rule.get("action") == null) {
                continue;
            }
            String action = Nodes.text(rule.get("action"));
            YamlPath actionPath = at.index(i).key("action");
            if ("rebuild".equals(action) && !svc.has("build")) {
                diag.error(rule.get("action"), actionPath, "service \"" + name
                        + "\" has no build section, so watch cannot rebuild it; add build: or"
                        + " use action: sync, sync+restart or restart");
            }
            if (action != null && action.startsWith("sync") && rule.get("target") == null) {
                diag.error(rule.get("action"), actionPath, "watch action " + action
                        + " of service \"" + name + "\" needs a target: the path in the"
                        + " container the files are copied to");
            }
            if ("sync+exec".equals(action) && rule.get("exec") == null) {
                diag.error(rule.get("action"), actionPath, "watch action sync+exec of service \""
                        + name + "\" needs exec: {command: ...}, the command run after a sync");
            }
        }
    }

    /**
     * Checks the references of the enabled services in {@code root}; {@code normalized}: the
     * references of {@link ImpliedDependencies} are dependencies.
     */
    static void check(MapNode root, MapNode disabled, boolean normalized, Diagnostics diag) {
        MapNode services = ResolveStages.map(root, "services");
        MapNode networks = ResolveStages.map(root, "networks");
        MapNode volumes = ResolveStages.map(root, "volumes");
        MapNode secrets = ResolveStages.map(root, "secrets");
        MapNode configs = ResolveStages.map(root, "configs");
        MapNode models = ResolveStages.map(root, "models");
        for (Map.Entry<String, Node> e : services.entries().entrySet()) {
            String name = e.getKey();
            MapNode svc = (MapNode) e.getValue();
            YamlPath path = YamlPath.of("services", name);
            String image = Nodes.text(svc.get("image"));
            if ((image == null || image.isEmpty()) && !svc.has("build")) {
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
            implicitDependencies(name, svc, services, disabled, normalized, path, diag);
            watchRules(name, svc, path, diag);
            if (svc.get("networks") instanceof MapNode nets) {
                nets.keys().forEach(net -> {
                    // "default" exists without a declaration (the project's default network)
                    if (!networks.has(net) && !net.equals("default")) {
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
            if (svc.get("models") instanceof MapNode used) {
                used.keys().forEach(model -> {
                    if (!models.has(model)) {
                        diag.error(used.keyMark(model), path.key("models").key(model),
                                "service \"" + name + "\" uses undefined model \"" + model + "\""
                                + Schema.suggestion(model, models.keys())
                                + "; declare it under the top-level models:");
                    }
                });
            }
            exclusive(name, svc, path, diag);
            platforms(svc, path, diag);
        }
        ResolveStages.map(root, "secrets").entries().forEach((name, secret) -> {
            if (secret instanceof MapNode m && !m.has("file") && !m.has("environment")
                    && (m.get("external") == null
                            || Boolean.FALSE.equals(Nodes.plain(m.get("external"))))) {
                diag.error(ResolveStages.map(root, "secrets").keyMark(name),
                        YamlPath.of("secrets", name), "secret \"" + name + "\" needs file: or "
                                + "environment: (or external: true)");
            }
        });
        cycles(services, diag);
    }

    /** A service's platform must be one its build makes, when the build names platforms. */
    private static void platforms(MapNode svc, YamlPath path, Diagnostics diag) {
        String platform = Nodes.text(svc.get("platform"));
        if (platform != null && svc.get("build") instanceof MapNode build
                && build.get("platforms") instanceof SeqNode list && list.size() > 0
                && list.items().stream().noneMatch(p -> platform.equals(Nodes.text(p)))) {
            diag.error(svc.get("platform"), path.key("platform"), "platform \"" + platform
                    + "\" is not one of the platforms the build makes (build.platforms); add it "
                    + "there");
        }
    }

    /**
     * What is wrong whatever the references: values the engine would refuse and keys that
     * exclude each other. Runs even when reference checks are off ({@code --no-consistency}).
     */
    static void validity(MapNode root, Diagnostics diag) {
        MapNode services = ResolveStages.map(root, "services");
        services.entries().forEach((name, node) -> {
            YamlPath path = YamlPath.of("services", name);
            if (node instanceof MapNode svc) {
                if (svc.get("volumes") instanceof SeqNode vols) {
                    for (int i = 0; i < vols.size(); i++) {
                        mountValues(vols.get(i), path.key("volumes").index(i), diag);
                    }
                }
                deviceRequests(svc, path, diag);
            }
        });
        externalConflicts(ResolveStages.map(root, "volumes"), "volumes", diag);
        externalConflicts(ResolveStages.map(root, "networks"), "networks", diag);
    }

    /** What the engine would refuse in a long-form mount: a bind without a source, a negative size. */
    private static void mountValues(Node mount, YamlPath path, Diagnostics diag) {
        if (!(mount instanceof MapNode v)) {
            return;
        }
        String type = Nodes.text(v.get("type"));
        String source = Nodes.text(v.get("source"));
        if ("bind".equals(type) && (source == null || source.isEmpty())) {
            diag.error(v, path, "invalid mount config for type \"bind\": field Source must not "
                    + "be empty; give the host path as source:");
        }
        if ("tmpfs".equals(type) && v.get("tmpfs") instanceof MapNode t
                && Nodes.text(t.get("size")) != null) {
            try {
                if (Long.parseLong(Nodes.text(t.get("size"))) < 0) {
                    diag.error(t.get("size"), path.key("tmpfs").key("size"),
                            "tmpfs.size must be greater than or equal to 0");
                }
            } catch (NumberFormatException e) {
                // a byte size with a unit ("64m"): checked by the schema
            }
        }
    }

    /** Keys a service cannot set together. */
    private static void exclusive(String name, MapNode svc, YamlPath path, Diagnostics diag) {
        if (svc.get("network_mode") != null && !svc.get("network_mode").isNull()
                && svc.get("networks") instanceof MapNode nets && !nets.keys().isEmpty()) {
            diag.error(svc.keyMark("networks"), path.key("networks"), "service " + name
                    + " declares mutually exclusive `network_mode` and `networks`: a container "
                    + "in another network namespace cannot join networks; keep one of them");
        }
    }

    /** Device requests either count devices or name them. */
    private static void deviceRequests(MapNode svc, YamlPath path, Diagnostics diag) {
        if (svc.get("deploy") instanceof MapNode deploy
                && deploy.get("resources") instanceof MapNode res
                && res.get("reservations") instanceof MapNode resv
                && resv.get("devices") instanceof SeqNode devices) {
            for (int i = 0; i < devices.size(); i++) {
                YamlPath at = path.key("deploy").key("resources").key("reservations")
                        .key("devices").index(i);
                if (devices.get(i) instanceof MapNode d && d.get("capabilities") == null) {
                    diag.error(d, at, "missing property 'capabilities': a device request says "
                            + "what it needs, e.g. capabilities: [gpu]");
                }
                if (devices.get(i) instanceof MapNode d && d.get("count") != null
                        && d.get("device_ids") != null) {
                    diag.error(d.keyMark("count"), path.key("deploy").key("resources")
                            .key("reservations").key("devices").index(i),
                            "\"count\" and \"device_ids\" attributes are exclusive: request "
                            + "a number of devices or name them, not both");
                }
            }
        }
    }

    /** An external resource is created elsewhere: it cannot also say how to create it. */
    private static void externalConflicts(MapNode resources, String kind, Diagnostics diag) {
        resources.entries().forEach((name, node) -> {
            if (!(node instanceof MapNode r) || !Boolean.TRUE.equals(Nodes.plain(r.get("external")
                    == null ? Nodes.of(Boolean.FALSE, r.mark()) : r.get("external")))) {
                return;
            }
            for (String key : new String[] {"driver", "driver_opts", "labels", "ipam"}) {
                if (r.get(key) != null) {
                    diag.error(r.keyMark(key), YamlPath.of(kind, name, key), kind + "." + name
                            + ": conflicting parameters \"external\" and \"" + key
                            + "\" specified; an external " + kind.substring(0, kind.length() - 1)
                            + " is created outside this project");
                }
            }
        });
    }

    /** depends_on must not loop: the cycle is named a -> b -> a. */
    private static void cycles(MapNode services, Diagnostics diag) {
        Map<String, Integer> state = new java.util.HashMap<>();
        for (String start : services.keys()) {
            java.util.Deque<String> stack = new java.util.ArrayDeque<>();
            if (visit(start, services, state, stack, diag)) {
                return;
            }
        }
    }

    private static boolean visit(String name, MapNode services, Map<String, Integer> state,
            java.util.Deque<String> stack, Diagnostics diag) {
        Integer st = state.get(name);
        if (st != null && st == 2) {
            return false;
        }
        if (st != null && st == 1) {
            java.util.List<String> chain = new java.util.ArrayList<>(stack);
            java.util.Collections.reverse(chain);
            chain = new java.util.ArrayList<>(chain.subList(chain.indexOf(name), chain.size()));
            chain.add(name);
            Node at = services.get(chain.get(chain.size() - 2));
            diag.error(at, YamlPath.of("services", chain.get(chain.size() - 2), "depends_on"),
                    "dependency cycle detected: " + String.join(" -> ", chain));
            return true;
        }
        state.put(name, 1);
        stack.push(name);
        if (services.get(name) instanceof MapNode svc && svc.get("depends_on") instanceof MapNode deps) {
            for (String dep : deps.keys()) {
                if (services.has(dep) && visit(dep, services, state, stack, diag)) {
                    return true;
                }
            }
        }
        stack.pop();
        state.put(name, 2);
        return false;
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
