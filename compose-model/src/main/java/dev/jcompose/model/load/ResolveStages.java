package dev.jcompose.model.load;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.ScalarNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * The stages that run on the merged project tree: defaults (the default network, engine-side
 * resource names) and paths (relative paths made absolute). Each is a tree-to-tree function.
 */
final class ResolveStages {

    private ResolveStages() {
    }

    /** Adds the implicit {@code default} network and engine-side names of resources. */
    static MapNode defaults(MapNode root, String project) {
        MapNode services = map(root, "services");
        boolean needsDefault = false;
        MapNode.Builder svcOut = MapNode.builder(services.mark());
        for (Map.Entry<String, Node> e : services.entries().entrySet()) {
            MapNode svc = (MapNode) e.getValue();
            if (!svc.has("networks") && !svc.has("network_mode")) {
                needsDefault = true;
                svc = svc.with("networks", MapNode.builder(svc.mark())
                        .put("default", ScalarNode.of(null, svc.mark())).build());
            } else if (svc.get("networks") instanceof MapNode nets && nets.has("default")) {
                needsDefault = true;
            }
            svcOut.put(e.getKey(), services.keyMark(e.getKey()), svc);
        }
        MapNode.Builder out = root.toBuilder().put("services", svcOut.build());
        MapNode networks = map(root, "networks");
        if (needsDefault && !networks.has("default")) {
            networks = networks.with("default", MapNode.empty(root.mark()));
        }
        out.put("networks", named(networks, project));
        out.put("volumes", named(map(root, "volumes"), project));
        out.put("secrets", named(map(root, "secrets"), project));
        out.put("configs", named(map(root, "configs"), project));
        return out.build();
    }

    /** Gives each resource its engine-side name: {@code name:}, else {@code project_key}. */
    private static MapNode named(MapNode resources, String project) {
        return resources.mapValues((key, v) -> {
            MapNode r = v instanceof MapNode m ? m : MapNode.empty(v.mark());
            if (r.has("name")) {
                return r;
            }
            boolean external = r.get("external") instanceof ScalarNode s
                    && Boolean.TRUE.equals(s.value());
            String name = external ? key : project + "_" + key;
            return r.with("name", Nodes.str(name, r.mark()));
        });
    }

    /**
     * A build without a context builds the project directory (not the directory of the file
     * that declared it), with {@code Dockerfile} unless another or an inline one is given.
     */
    static MapNode buildDefaults(MapNode root) {
        MapNode services = map(root, "services");
        MapNode out = services.mapValues((name, v) -> {
            if (!(v instanceof MapNode svc) || !(svc.get("build") instanceof MapNode build)) {
                return v;
            }
            MapNode b = build;
            if (!b.has("context")) {
                b = b.with("context", Nodes.str(".", b.mark()));
            }
            if (!b.has("dockerfile") && !b.has("dockerfile_inline")) {
                b = b.with("dockerfile", Nodes.str("Dockerfile", b.mark()));
            }
            return b == build ? svc : svc.with("build", b);
        });
        return root.with("services", out);
    }

    /** Makes relative paths absolute against {@code base}, and expands {@code ~}. */
    static Node paths(Node root, Path base, Path home) {
        TreeRules rules = new TreeRules()
                .on("services.*.build.context", (n, p) -> isUrl(n) ? n : path(n, base, home))
                .on("services.*.build.additional_contexts.*",
                        (n, p) -> isUrl(n) || isServiceReference(n) ? n : path(n, base, home))
                .on("services.*.develop.watch.[].path", (n, p) -> path(n, base, home))
                .on("volumes.*", (n, p) -> bindDevice(n, base, home))
                .on("services.*.env_file.[].path", (n, p) -> path(n, base, home))
                .on("services.*.label_file.[]", (n, p) -> path(n, base, home))
                .on("services.*.volumes.[]", (n, p) -> bindSource(n, base, home))
                .on("secrets.*.file", (n, p) -> path(n, base, home))
                .on("configs.*.file", (n, p) -> path(n, base, home));
        return rules.apply(root);
    }

    /**
     * Without path resolution, relative bind sources are only cleaned as Go's {@code path.Clean}
     * does ({@code ./} is {@code .}, {@code ./data/} is {@code data}), as compose prints them.
     */
    static Node cleanBindSources(Node root) {
        return new TreeRules().on("services.*.volumes.[]", (n, p) -> {
            if (n instanceof MapNode m && "bind".equals(Nodes.text(m.get("type")))
                    && Nodes.text(m.get("source")) instanceof String src
                    && !src.startsWith("/") && !src.startsWith("~")) {
                String clean = Path.of(src).normalize().toString();
                return m.with("source", Nodes.str(clean.isEmpty() ? "." : clean,
                        m.get("source").mark()));
            }
            return n;
        }).apply(root);
    }

    private static boolean isUrl(Node n) {
        String t = Nodes.text(n);
        return t != null && (t.contains("://") || t.startsWith("git@") || t.startsWith("github.com/"));
    }

    /** {@code service:NAME}, an additional context that is another service's image. */
    private static boolean isServiceReference(Node n) {
        String t = Nodes.text(n);
        return t != null && t.startsWith("service:");
    }

    /**
     * The device of a local volume mounted with {@code o: bind} is a host path, made absolute
     * as compose-go does.
     */
    private static Node bindDevice(Node n, Path base, Path home) {
        if (n instanceof MapNode volume && volume.get("driver_opts") instanceof MapNode opts
                && opts.get("device") != null && "bind".equals(Nodes.text(opts.get("o")))
                && (volume.get("driver") == null
                        || "local".equals(Nodes.text(volume.get("driver"))))) {
            return volume.with("driver_opts", opts.with("device",
                    path(opts.get("device"), base, home)));
        }
        return n;
    }

    private static Node bindSource(Node n, Path base, Path home) {
        if (n instanceof MapNode m && "bind".equals(Nodes.text(m.get("type")))
                && m.get("source") != null) {
            return m.with("source", path(m.get("source"), base, home));
        }
        return n;
    }

    private static Node path(Node n, Path base, Path home) {
        String t = Nodes.text(n);
        if (t == null) {
            return n;
        }
        if (t.matches("^[a-zA-Z]:[\\\\/].*") || t.startsWith("\\\\")) {
            return n; // a Windows absolute path (or UNC path) is absolute as it is
        }
        Path resolved;
        if (t.equals("~") || t.startsWith("~/")) {
            resolved = home.resolve(t.equals("~") ? "" : t.substring(2));
        } else {
            resolved = base.resolve(t);
        }
        return Nodes.str(resolved.normalize().toString(), n.mark());
    }

    /**
     * The named services and every service they need (depends_on and the references of
     * {@link ImpliedDependencies}, which a model loaded without normalisation has not written
     * into depends_on), transitively.
     */
    static java.util.Set<String> withDependencies(MapNode services,
            java.util.Collection<String> names) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!out.add(name) || !(services.get(name) instanceof MapNode svc)) {
                continue;
            }
            if (svc.get("depends_on") instanceof MapNode deps) {
                todo.addAll(deps.keys());
            }
            ImpliedDependencies.of(svc, dev.jcompose.model.tree.YamlPath.ROOT)
                    .forEach(ref -> todo.add(ref.service()));
        }
        return out;
    }

    static MapNode map(MapNode root, String key) {
        return root.get(key) instanceof MapNode m ? m : MapNode.empty(root.mark());
    }

    static Mark markOf(Node n) {
        return n == null ? Mark.NONE : n.mark();
    }
}
