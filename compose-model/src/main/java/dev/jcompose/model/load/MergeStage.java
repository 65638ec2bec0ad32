package dev.jcompose.model.load;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.Tag;
import dev.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Merges canonical trees: an override file over a base, or a service over the one it extends.
 * Mappings merge key by key, sequences append, scalars replace; per-path rules say where a
 * sequence replaces whole ({@code command}) or merges by a key ({@code ports}, {@code volumes}).
 * {@code !reset} removes an inherited value, {@code !override} replaces it.
 */
public final class MergeStage {

    private enum Strategy { REPLACE, APPEND_UNIQUE }

    private record Rule(PathPattern pattern, Strategy strategy, Function<Node, Object> key) { }

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        for (String replaced : List.of("command", "entrypoint", "healthcheck.test")) {
            RULES.add(new Rule(PathPattern.of("services.*." + replaced), Strategy.REPLACE,
                    Nodes::plain));
        }
        RULES.add(new Rule(PathPattern.of("services.*.ports"), Strategy.APPEND_UNIQUE,
                n -> n instanceof MapNode m ? List.of(text(m, "host_ip"), text(m, "published"),
                        text(m, "target"), text(m, "protocol")) : Nodes.plain(n)));
        for (String byTarget : List.of("volumes", "secrets", "configs")) {
            RULES.add(new Rule(PathPattern.of("services.*." + byTarget), Strategy.APPEND_UNIQUE,
                    n -> n instanceof MapNode m
                            ? (m.has("target") ? text(m, "target") : text(m, "source"))
                            : Nodes.plain(n)));
        }
        for (String unique : List.of("cap_add", "cap_drop", "dns", "dns_search", "dns_opt",
                "tmpfs", "env_file", "label_file", "profiles", "expose", "external_links",
                "links", "extra_hosts", "security_opt", "volumes_from", "devices", "group_add",
                "build.tags", "build.platforms", "build.cache_from", "build.ssh",
                "build.secrets")) {
            RULES.add(new Rule(PathPattern.of("services.*." + unique), Strategy.APPEND_UNIQUE,
                    Nodes::plain));
        }
    }

    private static String text(MapNode m, String key) {
        Node n = m.get(key);
        return n == null ? "" : String.valueOf(Nodes.plain(n));
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
            return override.withTag(Tag.NONE);
        }
        if (base == null || base.isNull()) {
            return override;
        }
        if (override.isNull() && !(base instanceof MapNode)) {
            return override;
        }
        Rule rule = ruleFor(path);
        if (base instanceof MapNode b && override instanceof MapNode o) {
            MapNode.Builder out = b.toBuilder();
            for (Map.Entry<String, Node> e : o.entries().entrySet()) {
                String k = e.getKey();
                Node v = e.getValue();
                if (v.tag() == Tag.RESET) {
                    out.remove(k);
                    continue;
                }
                Node existing = b.get(k);
                out.put(k, o.keyMark(k), existing == null ? v : merge(existing, v, path.key(k)));
            }
            return out.build();
        }
        if (base instanceof SeqNode b && override instanceof SeqNode o) {
            if (rule != null && rule.strategy() == Strategy.REPLACE) {
                return o;
            }
            if (rule != null && rule.strategy() == Strategy.APPEND_UNIQUE) {
                Map<Object, Node> byKey = new LinkedHashMap<>();
                for (Node n : b.items()) {
                    byKey.put(rule.key().apply(n), n);
                }
                for (Node n : o.items()) {
                    Object k = rule.key().apply(n);
                    Node prev = byKey.get(k);
                    byKey.put(k, prev instanceof MapNode && n instanceof MapNode
                            && !path.last().equals("ports") ? merge(prev, n, path.index(0)) : n);
                }
                return o.withItems(new ArrayList<>(byKey.values()));
            }
            List<Node> all = new ArrayList<>(b.items());
            all.addAll(o.items());
            return o.withItems(all);
        }
        return override;
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

    /** Removes {@code !reset} entries and clears tags left on a single file's tree. */
    public static Node clearTags(Node node) {
        return switch (node) {
            case MapNode m -> {
                MapNode.Builder b = MapNode.builder(m.mark());
                m.entries().forEach((k, v) -> {
                    if (v.tag() != Tag.RESET) {
                        b.put(k, m.keyMark(k), clearTags(v));
                    }
                });
                yield b.build();
            }
            case SeqNode s -> SeqNode.of(s.items().stream().map(MergeStage::clearTags).toList(),
                    s.mark());
            default -> node.tag() == Tag.NONE ? node : node.withTag(Tag.NONE);
        };
    }
}
