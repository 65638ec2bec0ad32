package dev.jcompose.model.load;

import dev.jcompose.model.Diagnostics;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns every short syntax into its long form, so later stages (merge, defaults, binding) see one
 * shape per key. Runs on each file after validation.
 */
public final class CanonicalStage {

    private final Diagnostics diag;
    private final TreeRules rules = new TreeRules();

    public CanonicalStage(Diagnostics diag) {
        this.diag = diag;
        String svc = "services.*.";
        rules.on(svc + "build", this::build)
                .on(svc + "command", this::command)
                .on(svc + "entrypoint", this::command)
                .on(svc + "environment", this::dict)
                .on(svc + "labels", this::dict)
                .on(svc + "annotations", this::dict)
                .on(svc + "sysctls", this::dict)
                .on(svc + "extra_hosts", this::extraHosts)
                .on(svc + "build.args", this::dict)
                .on(svc + "build.labels", this::dict)
                .on(svc + "build.additional_contexts", this::dict)
                .on(svc + "build.extra_hosts", this::extraHosts)
                .on(svc + "build.ssh", this::sshList)
                .on(svc + "build.secrets.[]", this::fileReference)
                .on(svc + "deploy.labels", this::dict)
                .on(svc + "ports", this::ports)
                .on(svc + "expose.[]", this::toText)
                .on(svc + "volumes.[]", this::volume)
                .on(svc + "depends_on", this::dependsOn)
                .on(svc + "networks", this::serviceNetworks)
                .on(svc + "env_file", this::envFiles)
                .on(svc + "label_file", this::stringList)
                .on(svc + "dns", this::stringList)
                .on(svc + "dns_search", this::stringList)
                .on(svc + "tmpfs", this::stringList)
                .on(svc + "secrets.[]", this::fileReference)
                .on(svc + "configs.[]", this::fileReference)
                .on(svc + "healthcheck.test", this::healthTest)
                .on(svc + "devices.[]", this::device)
                .on(svc + "extends", this::extendsRef)
                .on(svc + "ulimits.*", this::ulimit)
                .on(svc + "group_add.[]", this::toText)
                .on(svc + "user", this::toText)
                .on(svc + "logging.options.*", this::toText)
                .on(svc + "post_start.[].command", this::command)
                .on(svc + "pre_stop.[].command", this::command)
                .on(svc + "post_start.[].environment", this::dict)
                .on(svc + "pre_stop.[].environment", this::dict)
                .on(svc + "deploy.resources.reservations.devices.[].count", this::deviceCount)
                .on("networks.*", (n, p) -> externalName(nullToMap(n, p), p))
                .on("networks.*.labels", this::dict)
                .on("networks.*.driver_opts.*", this::toText)
                .on("volumes.*", (n, p) -> externalName(nullToMap(n, p), p))
                .on("secrets.*", (n, p) -> externalName(n, p))
                .on("configs.*", (n, p) -> externalName(n, p))
                .on("volumes.*.labels", this::dict)
                .on("volumes.*.driver_opts.*", this::toText)
                .on("secrets.*.labels", this::dict)
                .on("configs.*.labels", this::dict)
                .on("include.[]", this::include)
                .on("services.*", this::nullToMap);
    }

    /** Canonicalises one file's tree. */
    public Node apply(Node root) {
        return rules.apply(root);
    }

    private Node build(Node node, YamlPath path) {
        if (node instanceof ScalarNode s) {
            return MapNode.builder(s.mark()).put("context", s.mark(), Nodes.str(s.text(), s.mark()))
                    .build();
        }
        return node;
    }

    private Node command(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.value() != null) {
            try {
                List<Node> words = new ArrayList<>();
                for (String w : ShellWords.split(s.text())) {
                    words.add(Nodes.str(w, s.mark()));
                }
                return SeqNode.of(words, s.mark()).withTag(s.tag());
            } catch (IllegalArgumentException e) {
                diag.error(node, path, e.getMessage());
                return node;
            }
        }
        if (node instanceof SeqNode seq) {
            return seq.withItems(seq.items().stream().map(n -> toText(n, path)).toList());
        }
        return node;
    }

    /** {@code KEY=value} list to mapping; a bare {@code KEY} maps to null. */
    private Node dict(Node node, YamlPath path) {
        if (node instanceof SeqNode seq) {
            MapNode.Builder b = MapNode.builder(seq.mark()).tag(seq.tag());
            for (Node item : seq.items()) {
                String text = Nodes.text(item);
                if (text == null) {
                    continue;
                }
                int eq = text.indexOf('=');
                if (eq < 0) {
                    b.put(text, item.mark(), ScalarNode.of(null, item.mark()));
                } else {
                    b.put(text.substring(0, eq), item.mark(),
                            Nodes.str(text.substring(eq + 1), item.mark()));
                }
            }
            return b.build();
        }
        if (node instanceof MapNode map) {
            return map.mapValues((k, v) -> v instanceof ScalarNode s && s.value() != null
                    && !s.isString() ? Nodes.str(s.text(), s.mark()) : v);
        }
        return node;
    }

    /** {@code extra_hosts}: mapping or {@code host:ip} list to a {@code host=ip} list. */
    private Node extraHosts(Node node, YamlPath path) {
        List<Node> out = new ArrayList<>();
        if (node instanceof MapNode map) {
            map.entries().forEach((k, v) -> {
                if (v instanceof SeqNode ips) {
                    ips.items().forEach(ip -> out.add(Nodes.str(k + "=" + Nodes.text(ip),
                            ip.mark())));
                } else {
                    out.add(Nodes.str(k + "=" + Nodes.text(v), v.mark()));
                }
            });
            return SeqNode.of(out, map.mark()).withTag(map.tag());
        }
        if (node instanceof SeqNode seq) {
            for (Node item : seq.items()) {
                String t = Nodes.text(item);
                if (t == null) {
                    continue;
                }
                if (!t.contains("=")) {
                    int colon = t.indexOf(':');
                    if (colon > 0) {
                        t = t.substring(0, colon) + "=" + t.substring(colon + 1);
                    }
                }
                out.add(Nodes.str(t, item.mark()));
            }
            return seq.withItems(out);
        }
        return node;
    }

    private Node sshList(Node node, YamlPath path) {
        if (node instanceof MapNode map) {
            List<Node> out = new ArrayList<>();
            map.entries().forEach((k, v) -> out.add(Nodes.str(
                    v.isNull() ? k : k + "=" + Nodes.text(v), v.mark())));
            return SeqNode.of(out, map.mark());
        }
        return node;
    }

    private Node ports(Node node, YamlPath path) {
        if (!(node instanceof SeqNode seq)) {
            return node;
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            Node item = seq.get(i);
            if (item instanceof MapNode map) {
                out.add(map.mapValues((k, v) -> k.equals("published") ? toText(v, path) : v));
                continue;
            }
            String text = Nodes.text(item);
            if (text == null) {
                diag.error(item, path.index(i), "a port must be a number, a string or a mapping");
                continue;
            }
            try {
                for (Ports.Port p : Ports.parse(text)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("mode", "ingress");
                    if (p.hostIp() != null) {
                        m.put("host_ip", p.hostIp());
                    }
                    m.put("target", (long) p.target());
                    if (p.published() != null) {
                        m.put("published", p.published());
                    }
                    m.put("protocol", p.protocol());
                    out.add(Nodes.of(m, item.mark()));
                }
            } catch (IllegalArgumentException e) {
                diag.error(item, path.index(i), e.getMessage());
            }
        }
        return seq.withItems(out);
    }

    private Node volume(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.value() != null) {
            try {
                return Nodes.of(VolumeSpecs.parse(s.text()), s.mark());
            } catch (IllegalArgumentException e) {
                diag.error(node, path, e.getMessage());
            }
        }
        return node;
    }

    private Node dependsOn(Node node, YamlPath path) {
        if (node instanceof SeqNode seq) {
            MapNode.Builder b = MapNode.builder(seq.mark()).tag(seq.tag());
            for (Node item : seq.items()) {
                String name = Nodes.text(item);
                if (name != null) {
                    b.put(name, item.mark(), defaultDependency(item.mark()));
                }
            }
            return b.build();
        }
        if (node instanceof MapNode map) {
            return map.mapValues((k, v) -> {
                if (!(v instanceof MapNode dep)) {
                    return defaultDependency(v.mark());
                }
                MapNode.Builder b = dep.toBuilder();
                if (!dep.has("condition")) {
                    b.put("condition", dep.mark(), Nodes.str("service_started", dep.mark()));
                }
                if (!dep.has("required")) {
                    b.put("required", dep.mark(), ScalarNode.of(Boolean.TRUE, dep.mark()));
                }
                return b.build();
            });
        }
        return node;
    }

    private static Node defaultDependency(Mark mark) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("condition", "service_started");
        m.put("required", true);
        return Nodes.of(m, mark);
    }

    private Node serviceNetworks(Node node, YamlPath path) {
        if (node instanceof SeqNode seq) {
            MapNode.Builder b = MapNode.builder(seq.mark()).tag(seq.tag());
            for (Node item : seq.items()) {
                String name = Nodes.text(item);
                if (name != null) {
                    b.put(name, item.mark(), ScalarNode.of(null, item.mark()));
                }
            }
            return b.build();
        }
        return node;
    }

    private Node envFiles(Node node, YamlPath path) {
        Node list = stringList(node, path);
        if (!(list instanceof SeqNode seq)) {
            return list;
        }
        List<Node> out = new ArrayList<>();
        for (Node item : seq.items()) {
            if (item instanceof ScalarNode s) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", s.text());
                m.put("required", true);
                out.add(Nodes.of(m, s.mark()));
            } else if (item instanceof MapNode m && !m.has("required")) {
                out.add(m.with("required", ScalarNode.of(Boolean.TRUE, m.mark())));
            } else {
                out.add(item);
            }
        }
        return seq.withItems(out);
    }

    private Node stringList(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.value() != null) {
            return SeqNode.of(List.of(Nodes.str(s.text(), s.mark())), s.mark()).withTag(s.tag());
        }
        return node;
    }

    private Node fileReference(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.value() != null) {
            return MapNode.builder(s.mark()).put("source", Nodes.str(s.text(), s.mark())).build();
        }
        if (node instanceof MapNode map) {
            return map.mapValues((k, v) -> k.equals("uid") || k.equals("gid") ? toText(v, path) : v);
        }
        return node;
    }

    private Node healthTest(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.value() != null) {
            return SeqNode.of(List.of(Nodes.str("CMD-SHELL", s.mark()), Nodes.str(s.text(),
                    s.mark())), s.mark());
        }
        return node;
    }

    private Node device(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.value() != null) {
            String[] parts = s.text().split(":");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", parts[0]);
            m.put("target", parts.length > 1 ? parts[1] : parts[0]);
            m.put("permissions", parts.length > 2 ? parts[2] : "rwm");
            return Nodes.of(m, s.mark());
        }
        return node;
    }

    private Node extendsRef(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.value() != null) {
            return MapNode.builder(s.mark()).put("service", Nodes.str(s.text(), s.mark())).build();
        }
        return node;
    }

    private Node ulimit(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.value() != null) {
            return MapNode.builder(s.mark()).put("single", s).build();
        }
        return node;
    }

    private Node include(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.value() != null) {
            return MapNode.builder(s.mark())
                    .put("path", SeqNode.of(List.of(Nodes.str(s.text(), s.mark())), s.mark()))
                    .build();
        }
        if (node instanceof MapNode map) {
            return map.mapValues((k, v) -> k.equals("path") || k.equals("env_file")
                    ? stringList(v, path.key(k)) : v);
        }
        return node;
    }

    /**
     * The legacy {@code external: {name: x}}: external, named {@code x} (unless the resource
     * also sets {@code name}).
     */
    private Node externalName(Node node, YamlPath path) {
        if (node instanceof MapNode m && m.get("external") instanceof MapNode ext) {
            MapNode out = m.with("external", Nodes.of(Boolean.TRUE, ext.mark()));
            if (ext.get("name") != null) {
                if (m.has("name")) {
                    diag.error(ext.get("name"), path.key("external").key("name"),
                            "name and external.name conflict; only use name");
                } else {
                    out = out.with("name", ext.get("name"));
                }
            }
            return out;
        }
        return node;
    }

    /** {@code count: all} in a device request: -1, as the Engine API spells "all". */
    private Node deviceCount(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && "all".equals(s.text())) {
            return Nodes.of(-1L, s.mark());
        }
        return node;
    }

    private Node nullToMap(Node node, YamlPath path) {
        return node.isNull() ? MapNode.empty(node.mark()) : node;
    }

    private Node toText(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.value() != null && !s.isString()) {
            return Nodes.str(s.text(), s.mark()).withTag(s.tag());
        }
        return node;
    }
}
