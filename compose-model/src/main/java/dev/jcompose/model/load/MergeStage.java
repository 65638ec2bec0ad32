package dev.jcompose.model.load;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.Tag;
import dev.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Merges canonical trees: a later file over an earlier one, or a service over the one it
 * extends. Mappings merge key by key, scalars replace, sequences append; per-path rules say where
 * a sequence replaces whole ({@code command}) or holds unique entries ({@code ports} by host ip,
 * published port, target and protocol; {@code volumes}, {@code secrets}, {@code configs} by
 * target; lists of names by value). {@code x-*} keys replace whole. {@code !reset} removes an
 * inherited value, {@code !override} replaces it.
 */
public final class MergeStage {

    private enum Strategy { REPLACE, UNIQUE, MERGE_BY_KEY, LOGGING }

    private record Rule(PathPattern pattern, Strategy strategy, Function<Node, Object> key) { }

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        for (String replaced : List.of("command", "entrypoint", "healthcheck.test",
                "post_start.[].command", "pre_stop.[].command", "pre_start.[].command")) {
            rule("services.*." + replaced, Strategy.REPLACE, null);
        }
        rule("services.*.logging", Strategy.LOGGING, null);
        rule("services.*.ulimits.*", Strategy.REPLACE, null);
        rule("services.*.build.ulimits.*", Strategy.REPLACE, null);
        rule("networks.*.ipam.config", Strategy.MERGE_BY_KEY, n -> field(n, "subnet"));
        rule("services.*.ports", Strategy.UNIQUE, MergeStage::portKey);
        rule("services.*.volumes", Strategy.UNIQUE, n -> field(n, "target"));
        rule("services.*.secrets", Strategy.UNIQUE, n -> mountKey(n, "/run/secrets/"));
        rule("services.*.configs", Strategy.UNIQUE, n -> mountKey(n, "/"));
        rule("services.*.build.secrets", Strategy.UNIQUE, n -> mountKey(n, "/run/secrets/"));
        rule("services.*.env_file", Strategy.UNIQUE, n -> field(n, "path"));
        rule("services.*.devices", Strategy.UNIQUE, n -> field(n, "target"));
        rule("services.*.links", Strategy.UNIQUE, MergeStage::linkKey);
        rule("services.*.networks.*.aliases", Strategy.UNIQUE, Nodes::plain);
        rule("services.*.networks.*.link_local_ips", Strategy.UNIQUE, Nodes::plain);
        rule("models.*.runtime_flags", Strategy.REPLACE, null);
        for (String unique : List.of("cap_add", "cap_drop", "dns", "dns_search", "dns_opt",
                "tmpfs", "label_file", "profiles", "expose", "external_links",
                "extra_hosts", "security_opt", "volumes_from", "group_add", "device_cgroup_rules",
                "build.tags", "build.platforms", "build.cache_from", "build.cache_to",
                "build.ssh", "build.extra_hosts", "build.entitlements", "build.platform")) {
            rule("services.*." + unique, Strategy.UNIQUE, Nodes::plain);
        }
    }

    private static void rule(String pattern, Strategy strategy, Function<Node, Object> key) {
        RULES.add(new Rule(PathPattern.of(pattern), strategy, key));
    }

    private static Object field(Node n, String key) {
        if (n instanceof MapNode m && m.get(key) != null) {
            return Nodes.plain(m.get(key));
        }
        return Nodes.plain(n);
    }

    /** Links are unique by the service they name ({@code service}, {@code service:alias}). */
    private static Object linkKey(Node n) {
        String text = Nodes.text(n);
        if (text == null) {
            return Nodes.plain(n);
        }
        int i = text.indexOf(':');
        int j = text.indexOf('=');
        int cut = i < 0 ? j : j < 0 ? i : Math.min(i, j);
        return cut < 0 ? text : text.substring(0, cut);
    }

    /** Secrets and configs are unique by target; a missing target defaults from the source. */
    private static Object mountKey(Node n, String defaultDir) {
        if (n instanceof MapNode m) {
            if (m.get("target") != null) {
                return Nodes.text(m.get("target"));
            }
            return defaultDir + Nodes.text(m.get("source") == null ? ScalarNode.of(null,
                    m.mark()) : m.get("source"));
        }
        return Nodes.plain(n);
    }

    /** Ports are unique by host ip, published port, target and protocol. */
    static Object portKey(Node n) {
        if (!(n instanceof MapNode m)) {
            return Nodes.plain(n);
        }
        String hostIp = m.get("host_ip") == null ? "0.0.0.0" : Nodes.text(m.get("host_ip"));
        String published = m.get("published") == null ? "" : Nodes.text(m.get("published"));
        String target = m.get("target") == null ? "" : Nodes.text(m.get("target"));
        String protocol = m.get("protocol") == null ? "tcp" : Nodes.text(m.get("protocol"));
        return hostIp + ":" + published + ":" + target + "/" + protocol;
    }

    private MergeStage() {
    }

    /** Merges {@code override} over {@code base}. */
    public static Node merge(Node base, Node override) {
        return merge(base, override, YamlPath.ROOT);
    }

    /** Merges {@code override} over {@code base}, where both sit at {@code path}. */
    public static Node merge(Node base, Node override, YamlPath path) {
        if (override.tag() == Tag.OVERRIDE) {
            return clearTags(override);
        }
        if (base == null) {
            return override;
        }
        if (override.isNull()) {
            // "key:" with no value adds nothing to a mapping or list it overrides
            return base instanceof ScalarNode ? override : base;
        }
        Rule rule = ruleFor(path);
        if (rule != null && rule.strategy() == Strategy.REPLACE) {
            return override;
        }
        if (base instanceof MapNode b && override instanceof MapNode o) {
            if (rule != null && rule.strategy() == Strategy.LOGGING) {
                Node bd = b.get("driver");
                Node od = o.get("driver");
                if (bd != null && od != null
                        && !Objects.equals(Nodes.plain(bd), Nodes.plain(od))) {
                    return o;
                }
            }
            return mergeMaps(b, o, path);
        }
        if (base instanceof SeqNode b && override instanceof SeqNode o) {
            if (rule != null && rule.strategy() == Strategy.UNIQUE) {
                List<Node> all = new ArrayList<>(b.items());
                all.addAll(o.items());
                return o.withItems(unique(all, rule.key()));
            }
            if (rule != null && rule.strategy() == Strategy.MERGE_BY_KEY) {
                // an entry with the key of a base entry merges into it, in its place
                Map<Object, Node> byKey = new LinkedHashMap<>();
                for (Node n : b.items()) {
                    byKey.put(rule.key().apply(n), n);
                }
                for (Node n : o.items()) {
                    Object k = rule.key().apply(n);
                    Node existing = byKey.get(k);
                    byKey.put(k, existing == null ? n : merge(existing, n, path.index(0)));
                }
                return o.withItems(new ArrayList<>(byKey.values()));
            }
            List<Node> all = new ArrayList<>(b.items());
            all.addAll(o.items());
            return o.withItems(all);
        }
        return override;
    }

    private static MapNode mergeMaps(MapNode b, MapNode o, YamlPath path) {
        MapNode.Builder out = b.toBuilder();
        for (Map.Entry<String, Node> e : o.entries().entrySet()) {
            String k = e.getKey();
            Node v = e.getValue();
            if (v.tag() == Tag.RESET) {
                out.remove(k);
                continue;
            }
            Node existing = b.get(k);
            if (existing == null || k.startsWith("x-")) {
                out.put(k, o.keyMark(k), clearTags(v));
            } else {
                out.put(k, o.keyMark(k), merge(existing, v, path.key(k)));
            }
        }
        return out.tag(Tag.NONE).build();
    }

    /** Later entries with the key of an earlier one replace it in place. */
    private static List<Node> unique(List<Node> items, Function<Node, Object> keyFn) {
        Map<Object, Node> byKey = new LinkedHashMap<>();
        for (Node n : items) {
            Object k = keyFn.apply(n);
            byKey.put(k == null ? n : k, n);
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * Collapses duplicate entries within one file's lists, as merging does across files
     * (compose-go's "unicity"): later entries with the same key replace earlier ones.
     */
    public static Node enforceUnicity(Node root) {
        TreeRules rules = new TreeRules();
        for (Rule r : RULES) {
            if (r.strategy() == Strategy.UNIQUE) {
                rules.on(String.join(".", r.pattern().segments()), (n, p) -> n instanceof SeqNode s
                        ? s.withItems(unique(s.items(), r.key())) : n);
            }
        }
        return rules.apply(root);
    }

    private static Rule ruleFor(YamlPath path) {
        if (path.size() < 3) {
            return null;
        }
        for (Rule r : RULES) {
            if (r.pattern().matches(path)) {
                return r;
            }
        }
        return null;
    }

    /** Removes {@code !reset} entries and clears the tags left on a tree. */
    public static Node clearTags(Node node) {
        // instanceof rather than a pattern switch on the start-up path: see Nodes
        if (node instanceof MapNode m) {
            boolean changed = m.tag() != Tag.NONE;
            MapNode.Builder b = MapNode.builder(m.mark());
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                Node v = e.getValue();
                if (v.tag() == Tag.RESET) {
                    changed = true;
                    continue;
                }
                Node c = clearTags(v);
                changed |= c != v;
                b.put(e.getKey(), m.keyMark(e.getKey()), c);
            }
            return changed ? b.build() : m;
        }
        if (node instanceof SeqNode s) {
            List<Node> items = new ArrayList<>(s.size());
            boolean changed = s.tag() != Tag.NONE;
            for (Node item : s.items()) {
                if (item.tag() == Tag.RESET) {
                    changed = true;
                    continue;
                }
                Node c = clearTags(item);
                changed |= c != item;
                items.add(c);
            }
            return changed ? new SeqNode(items, s.mark(), Tag.NONE) : s;
        }
        ScalarNode sc = (ScalarNode) node;
        return sc.tag() == Tag.NONE ? sc : sc.withTag(Tag.NONE);
    }
}
