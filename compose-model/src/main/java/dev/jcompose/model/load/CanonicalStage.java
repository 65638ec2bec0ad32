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
 * Turns every short syntax into its long form, so merging, defaults and binding see one shape per
 * key. It only changes shapes: it adds no default values (those come after merging, so an
 * override file that leaves a key out does not reset it), and it leaves alone any node whose
 * shape it does not recognise, so validation can report it with its own mark.
 *
 * <p>Over 400 lines because it holds one short-to-long converter per key that has a short syntax
 * (ports, volumes, depends_on, healthcheck test, ...): the list of the specification's short
 * forms, read as one.
 */
public final class CanonicalStage {

    private final Diagnostics diag;
    private final TreeRules rules = new TreeRules();

    public CanonicalStage(Diagnostics diag) {
        this.diag = diag;
        String svc = "services.*.";
        rules.on("services.*", this::nullToMap)
                .on(svc + "build", this::build)
                .on(svc + "command", this::command)
                .on(svc + "entrypoint", this::command)
                .on(svc + "environment", this::environment)
                .on(svc + "labels", (n, p) -> dict(n, p, true))
                .on(svc + "annotations", (n, p) -> dict(n, p, true))
                .on(svc + "sysctls", (n, p) -> dict(n, p, true))
                .on(svc + "extra_hosts", this::extraHosts)
                .on(svc + "build.args", (n, p) -> dict(n, p, false))
                .on(svc + "build.labels", (n, p) -> dict(n, p, true))
                .on(svc + "build.additional_contexts", (n, p) -> dict(n, p, true))
                .on(svc + "build.extra_hosts", this::extraHosts)
                .on(svc + "build.ssh", this::sshList)
                .on(svc + "build.secrets.[]", this::fileReference)
                .on(svc + "build.cache_from", this::stringList)
                .on(svc + "build.cache_to", this::stringList)
                .on(svc + "build.tags", this::stringList)
                .on(svc + "build.platforms", this::stringList)
                .on(svc + "deploy.labels", (n, p) -> dict(n, p, true))
                .on(svc + "deploy.resources.reservations.devices.[].options",
                        (n, p) -> dict(n, p, true))
                .on(svc + "ports", this::ports)
                .on(svc + "expose.[]", CanonicalStage::toText)
                .on(svc + "volumes.[]", this::volume)
                .on(svc + "depends_on", this::dependsOn)
                .on(svc + "networks", this::serviceNetworks)
                .on(svc + "models", this::serviceNetworks)
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
                .on(svc + "build.ulimits.*", this::ulimit)
                .on(svc + "user", CanonicalStage::toText)
                .on(svc + "group_add.[]", CanonicalStage::toText)
                .on(svc + "logging.options.*", CanonicalStage::toText)
                .on(svc + "storage_opt.*", CanonicalStage::toText)
                .on(svc + "networks.*.driver_opts.*", CanonicalStage::toText)
                .on(svc + "post_start.[].command", this::command)
                .on(svc + "pre_stop.[].command", this::command)
                .on(svc + "pre_start.[].command", this::command)
                .on(svc + "pre_start.[].environment", (n, p) -> dict(n, p, false))
                .on(svc + "post_start.[].environment", (n, p) -> dict(n, p, false))
                .on(svc + "pre_stop.[].environment", (n, p) -> dict(n, p, false))
                .on(svc + "develop.watch", this::watch)
                .on(svc + "develop.watch.[].ignore", this::stringList)
                .on(svc + "develop.watch.[].include", this::stringList)
                .on(svc + "develop.watch.[].exec.command", this::command)
                .on(svc + "develop.watch.[].exec.environment", (n, p) -> dict(n, p, false))
                .on(svc + "deploy.resources.reservations.devices.[].count", this::deviceCount)
                .on(svc + "gpus.[].count", this::deviceCount)
                .on(svc + "gpus", this::gpus)
                .on("networks.*", this::resource)
                .on("networks.*.labels", (n, p) -> dict(n, p, true))
                .on("networks.*.driver_opts.*", CanonicalStage::toText)
                .on("volumes.*", this::resource)
                .on("volumes.*.labels", (n, p) -> dict(n, p, true))
                .on("volumes.*.driver_opts.*", CanonicalStage::toText)
                .on("secrets.*", this::resource)
                .on("secrets.*.labels", (n, p) -> dict(n, p, true))
                .on("configs.*", this::resource)
                .on("configs.*.labels", (n, p) -> dict(n, p, true))
                .on("include.[]", this::include)
                .on("services.*", this::nullToMap);
    }

    /** Canonicalises one file's tree. */
    public Node apply(Node root) {
        return rules.apply(root);
    }

    private Node build(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.isString()) {
            return MapNode.builder(s.mark()).tag(s.tag())
                    .put("context", s.mark(), Nodes.str(s.text(), s.mark())).build();
        }
        return node;
    }

    /** A command string is split into words as a shell would; a list keeps its words. */
    private Node command(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.isString()) {
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

    /**
     * {@code KEY=value} list to a mapping; a bare {@code KEY} maps to null ("" when
     * {@code bareIsEmpty}, as for labels). Mapping values that are numbers or booleans become
     * text. A list holding anything but scalars is left for validation to report.
     */
    private Node dict(Node node, YamlPath path, boolean bareIsEmpty) {
        if (node instanceof SeqNode seq) {
            for (Node item : seq.items()) {
                if (!(item instanceof ScalarNode s) || s.value() == null) {
                    return node;
                }
            }
            MapNode.Builder b = MapNode.builder(seq.mark()).tag(seq.tag());
            for (Node item : seq.items()) {
                String text = ((ScalarNode) item).text();
                int eq = text.indexOf('=');
                if (eq < 0) {
                    b.put(text, item.mark(), bareIsEmpty ? Nodes.str("", item.mark())
                            : new ScalarNode(null, item.mark(), item.tag()));
                } else {
                    b.put(text.substring(0, eq), item.mark(),
                            new ScalarNode(text.substring(eq + 1), item.mark(), item.tag()));
                }
            }
            return b.build();
        }
        if (node instanceof MapNode map) {
            return map.mapValues((k, v) -> {
                if (v instanceof ScalarNode s) {
                    if (s.value() == null) {
                        return bareIsEmpty ? new ScalarNode("", s.mark(), s.tag()) : v;
                    }
                    if (!s.isString()) {
                        return new ScalarNode(s.text(), s.mark(), s.tag());
                    }
                }
                return v;
            });
        }
        return node;
    }

    /**
     * {@code environment}: as {@link #dict}; a list entry {@code KEY =value} is refused, since the
     * space would become part of the name.
     */
    private Node environment(Node node, YamlPath path) {
        if (node instanceof SeqNode seq) {
            for (int i = 0; i < seq.size(); i++) {
                if (seq.get(i) instanceof ScalarNode s && s.value() instanceof String text
                        && text.indexOf('=') > 0
                        && Character.isWhitespace(text.charAt(text.indexOf('=') - 1))) {
                    String key = text.substring(0, text.indexOf('='));
                    diag.error(s, path.index(i), "environment variable " + key + " is declared "
                            + "with a trailing space; write " + key.strip() + "=...");
                }
            }
        }
        return dict(node, path, false);
    }

    /** {@code extra_hosts}: mapping or {@code host:ip} list to a {@code host=ip} list. */
    private Node extraHosts(Node node, YamlPath path) {
        List<Node> out = new ArrayList<>();
        if (node instanceof MapNode map) {
            // a mapping lists its hosts in name order, as compose-go does
            for (Map.Entry<String, Node> e : new java.util.TreeMap<>(map.entries()).entrySet()) {
                String k = e.getKey();
                Node v = e.getValue();
                if (v instanceof SeqNode ips) {
                    for (Node ip : ips.items()) {
                        if (!(ip instanceof ScalarNode)) {
                            return node;
                        }
                        out.add(Nodes.str(k + "=" + Nodes.text(ip), ip.mark()));
                    }
                } else if (v instanceof ScalarNode s && s.value() != null) {
                    out.add(Nodes.str(k + "=" + s.text(), v.mark()));
                } else {
                    return node;
                }
            }
            return SeqNode.of(out, map.mark()).withTag(map.tag());
        }
        if (node instanceof SeqNode seq) {
            for (Node item : seq.items()) {
                String t = Nodes.text(item);
                if (t == null) {
                    return node;
                }
                if (!t.contains("=")) {
                    int colon = t.indexOf(':');
                    if (colon > 0) {
                        t = t.substring(0, colon) + "=" + t.substring(colon + 1);
                    }
                }
                int eq = t.indexOf('=');
                // host=ip1,ip2: one entry per address, as compose-go splits them
                for (String ip : eq < 0 ? new String[] {null} : t.substring(eq + 1).split(",")) {
                    out.add(Nodes.str(ip == null ? t : t.substring(0, eq + 1) + ip,
                            item.mark()));
                }
            }
            return seq.withItems(out);
        }
        return node;
    }

    /** {@code ssh}: a mapping becomes a {@code id=path} list. */
    private Node sshList(Node node, YamlPath path) {
        if (node instanceof MapNode map) {
            List<Node> out = new ArrayList<>();
            map.entries().forEach((k, v) -> out.add(Nodes.str(
                    v.isNull() ? k : k + "=" + Nodes.text(v), v.mark())));
            return SeqNode.of(out, map.mark()).withTag(map.tag());
        }
        return stringList(node, path);
    }

    private Node ports(Node node, YamlPath path) {
        if (!(node instanceof SeqNode seq)) {
            return node;
        }
        List<Node> out = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < seq.size(); i++) {
            Node item = seq.get(i);
            if (item instanceof MapNode map) {
                Node published = map.get("published");
                out.add(published == null ? map : map.with("published", toText(published, path)));
                changed = true;
                continue;
            }
            if (item instanceof ScalarNode s && (s.value() instanceof Long l)) {
                out.add(MapNode.builder(s.mark()).put("target", s.mark(), ScalarNode.of(l, s.mark()))
                        .build());
                changed = true;
                continue;
            }
            if (!(item instanceof ScalarNode s) || !s.isString()) {
                out.add(item);
                continue;
            }
            try {
                for (Ports.Port p : Ports.parse(s.text())) {
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
                changed = true;
            } catch (IllegalArgumentException e) {
                diag.error(item, path.index(i), e.getMessage());
                out.add(item);
            }
        }
        return changed ? seq.withItems(out) : seq;
    }

    private Node volume(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.isString()) {
            try {
                Map<String, Object> parsed = VolumeSpecs.parse(s.text());
                if ("volume".equals(parsed.get("type")) && parsed.get("bind") instanceof Map<?, ?> b
                        && b.get("selinux") != null) {
                    diag.warning(s.mark(), path, "\"" + s.text() + "\": the SELinux option "
                            + b.get("selinux") + " is not passed on for a named volume: it is "
                            + "mounted through the engine's Mount API, which has no such option "
                            + "(docker compose ignores it too)");
                }
                return Nodes.of(parsed, s.mark());
            } catch (IllegalArgumentException e) {
                diag.error(node, path, e.getMessage());
            }
        }
        return node;
    }

    /** A list of service names becomes a mapping of empty dependencies (defaults come later). */
    private Node dependsOn(Node node, YamlPath path) {
        if (node instanceof SeqNode seq) {
            for (Node item : seq.items()) {
                if (!(item instanceof ScalarNode s) || !s.isString()) {
                    return node;
                }
            }
            MapNode.Builder b = MapNode.builder(seq.mark()).tag(seq.tag());
            for (Node item : seq.items()) {
                b.put(Nodes.text(item), item.mark(), MapNode.empty(item.mark()));
            }
            return b.build();
        }
        if (node instanceof MapNode map) {
            return map.mapValues((k, v) -> v.isNull() ? MapNode.empty(v.mark()).withTag(v.tag()) : v);
        }
        return node;
    }

    /** A list of names becomes a mapping of names to null. */
    private Node serviceNetworks(Node node, YamlPath path) {
        if (node instanceof SeqNode seq) {
            for (Node item : seq.items()) {
                if (!(item instanceof ScalarNode s) || !s.isString()) {
                    return node;
                }
            }
            MapNode.Builder b = MapNode.builder(seq.mark()).tag(seq.tag());
            for (Node item : seq.items()) {
                b.put(Nodes.text(item), item.mark(), ScalarNode.of(null, item.mark()));
            }
            return b.build();
        }
        return node;
    }

    /** env_file: a string or list of strings becomes a list of {@code {path: ...}}. */
    private Node envFiles(Node node, YamlPath path) {
        Node list = stringList(node, path);
        if (!(list instanceof SeqNode seq)) {
            return list;
        }
        List<Node> out = new ArrayList<>();
        for (Node item : seq.items()) {
            if (item instanceof ScalarNode s) {
                out.add(MapNode.builder(s.mark()).put("path", s.mark(), toText(s, path))
                        .put("required", s.mark(), ScalarNode.of(Boolean.TRUE, s.mark()))
                        .build());
            } else if (item instanceof MapNode m && !m.has("required")) {
                out.add(m.with("required", ScalarNode.of(Boolean.TRUE, m.mark())));
            } else {
                out.add(item);
            }
        }
        return seq.withItems(out);
    }

    private Node stringList(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.isString() && s.text().isEmpty()) {
            // an empty string (an unset variable) is no entry, as compose-go reads it
            return SeqNode.of(List.of(), s.mark()).withTag(s.tag());
        }
        if (node instanceof ScalarNode s && s.isString()) {
            return SeqNode.of(List.of(Nodes.str(s.text(), s.mark())), s.mark()).withTag(s.tag());
        }
        return node;
    }

    private Node fileReference(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.isString()) {
            return MapNode.builder(s.mark()).put("source", Nodes.str(s.text(), s.mark())).build();
        }
        if (node instanceof MapNode map) {
            return map.mapValues((k, v) -> k.equals("uid") || k.equals("gid") ? toText(v, path) : v);
        }
        return node;
    }

    private Node healthTest(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.isString()) {
            return SeqNode.of(List.of(Nodes.str("CMD-SHELL", s.mark()), Nodes.str(s.text(),
                    s.mark())), s.mark()).withTag(s.tag());
        }
        return node;
    }

    private Node device(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.isString()) {
            String[] parts = s.text().split(":", -1);
            if (parts.length > 3 || parts[0].isEmpty()) {
                diag.error(node, path, "\"" + s.text() + "\" is not a valid device (use "
                        + "HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]])");
                return node;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", parts[0]);
            m.put("target", parts.length > 1 && !parts[1].isEmpty() ? parts[1] : parts[0]);
            m.put("permissions", parts.length > 2 ? parts[2] : "rwm");
            return Nodes.of(m, s.mark());
        }
        return node;
    }

    private Node extendsRef(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.isString()) {
            return MapNode.builder(s.mark()).put("service", Nodes.str(s.text(), s.mark())).build();
        }
        return node;
    }

    /** develop.watch: an entry whose path is a list becomes one entry per path. */
    private Node watch(Node node, YamlPath path) {
        if (!(node instanceof SeqNode seq)) {
            return node;
        }
        List<Node> out = new ArrayList<>();
        boolean changed = false;
        for (Node item : seq.items()) {
            if (item instanceof MapNode m && m.get("path") instanceof SeqNode paths) {
                for (Node p : paths.items()) {
                    out.add(m.with("path", p));
                }
                changed = true;
            } else {
                out.add(item);
            }
        }
        return changed ? seq.withItems(out) : seq;
    }

    /**
     * A top-level resource: null becomes an empty mapping, and the deprecated
     * {@code external: {name: x}} becomes {@code name: x} with {@code external: true}.
     */
    private Node resource(Node node, YamlPath path) {
        if (node.isNull()) {
            return MapNode.empty(node.mark()).withTag(node.tag());
        }
        if (!(node instanceof MapNode map) || !(map.get("external") instanceof MapNode ext)) {
            return node;
        }
        Node extName = ext.get("name");
        if (extName == null) {
            return map.with("external", ScalarNode.of(Boolean.TRUE, ext.mark()));
        }
        Node name = map.get("name");
        if (name != null && !Nodes.plain(name).equals(Nodes.plain(extName))) {
            diag.error(ext.keyMark("name"), path.key("external").key("name"),
                    "name and external.name conflict; only use "
                    + "name (external.name is deprecated)");
            return node;
        }
        diag.warning(map.keyMark("external"), path.key("external"), "external.name is "
                + "deprecated: write name: " + Nodes.text(extName) + " and external: true");
        MapNode.Builder b = MapNode.builder(map.mark()).tag(map.tag());
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            if (e.getKey().equals("external")) {
                if (name == null) {
                    b.put("name", ext.keyMark("name"), extName);
                }
                b.put("external", map.keyMark("external"), ScalarNode.of(Boolean.TRUE, ext.mark()));
            } else {
                b.put(e.getKey(), map.keyMark(e.getKey()), e.getValue());
            }
        }
        return b.build();
    }

    private Node include(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.isString()) {
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

    /** A single-number ulimit ({@code nproc: 65535}) sets soft and hard. */
    private Node ulimit(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.value() != null) {
            return MapNode.builder(s.mark()).put("single", s).build();
        }
        return node;
    }

    /** {@code gpus: all}: one request for every GPU. */
    private Node gpus(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && "all".equals(s.text())) {
            return new SeqNode(List.of(MapNode.builder(s.mark())
                    .put("count", Nodes.of(-1L, s.mark())).build()), s.mark(), s.tag());
        }
        return node;
    }

    /** {@code count: all} in a device request: -1, as the Engine API spells "all". */
    private Node deviceCount(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && "all".equals(s.text())) {
            return Nodes.of(-1L, s.mark());
        }
        if (node instanceof ScalarNode s && s.value() instanceof String t
                && t.strip().matches("\\d+")) {
            return Nodes.of(Long.parseLong(t.strip()), s.mark());
        }
        return node;
    }

    private Node nullToMap(Node node, YamlPath path) {
        return node.isNull() ? MapNode.empty(node.mark()).withTag(node.tag()) : node;
    }

    static Node toText(Node node, YamlPath path) {
        if (node instanceof ScalarNode s && s.value() != null && !s.isString()) {
            return new ScalarNode(s.text(), s.mark(), s.tag());
        }
        return node;
    }

    static Mark markOf(Node n) {
        return n == null ? Mark.NONE : n.mark();
    }
}
