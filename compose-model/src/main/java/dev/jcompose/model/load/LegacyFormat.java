package dev.jcompose.model.load;

import dev.jcompose.model.Diagnostics;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.YamlPath;
import java.util.Set;

/**
 * What is left of the older file formats: {@code version:} is obsolete (a warning, as docker
 * compose gives), and a version 1 file, its services at the top level with no
 * {@code services:} key, is refused saying so rather than as unknown keys.
 */
final class LegacyFormat {

    /** Keys only a service has: a top-level mapping holding one is a version 1 service. */
    private static final Set<String> SERVICE_KEYS = Set.of("image", "build", "command",
            "ports", "links", "volumes", "environment", "container_name", "restart");

    private LegacyFormat() {
    }

    static void check(Node tree, Diagnostics diag) {
        if (!(tree instanceof MapNode root)) {
            return;
        }
        if (root.has("version")) {
            diag.warning(root.keyMark("version"), YamlPath.ROOT.key("version"), "the attribute "
                    + "\"version\" is obsolete and ignored; remove it to avoid confusion");
        }
        if (root.has("services")) {
            return;
        }
        for (var e : root.entries().entrySet()) {
            if (!((Schema.Obj) ComposeSchema.FILE).keys().containsKey(e.getKey()) && !e.getKey().startsWith("x-")
                    && e.getValue() instanceof MapNode m
                    && m.keys().stream().anyMatch(SERVICE_KEYS::contains)) {
                diag.error(root.keyMark(e.getKey()), YamlPath.ROOT.key(e.getKey()),
                        "a service at the top level: this is the version 1 file format (no "
                                + "\"services:\" key), which compose no longer reads; move the "
                                + "services under \"services:\"");
            }
        }
    }
}
