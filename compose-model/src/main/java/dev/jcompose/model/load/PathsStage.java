package dev.jcompose.model.load;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.ScalarNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Relative paths in a compose tree: where they are ({@code build.context}, bind mount sources,
 * {@code env_file}, {@code label_file}, secret and config files, ...) and how to rewrite them.
 * The loader uses it twice: to rebase what an {@code include} or an {@code extends} from another
 * file brings in (its paths are relative to that file's directory), and, at the end, to make the
 * project's remaining relative paths absolute against the project directory.
 */
final class PathsStage {

    private PathsStage() {
    }

    /** Applies {@code fn} to every path of a service node. */
    static Node service(Node service, UnaryOperator<String> fn) {
        TreeRules rules = new TreeRules();
        serviceRules(rules, "", fn);
        return rules.apply(service);
    }

    /** Applies {@code fn} to every path of a whole tree (services and top-level resources). */
    static Node project(Node root, UnaryOperator<String> fn) {
        TreeRules rules = new TreeRules();
        serviceRules(rules, "services.*.", fn);
        rules.on("secrets.*.file", (n, p) -> text(n, fn))
                .on("configs.*.file", (n, p) -> text(n, fn))
                .on("volumes.*", (n, p) -> localBindDevice(n, fn));
        return rules.apply(root);
    }

    private static void serviceRules(TreeRules rules, String prefix, UnaryOperator<String> fn) {
        rules.on(prefix + "build.context", (n, p) -> isRemote(n) ? n : text(n, fn))
                .on(prefix + "build.additional_contexts.*", (n, p) -> isRemote(n) ? n : text(n, fn))
                .on(prefix + "env_file.[].path", (n, p) -> text(n, fn))
                .on(prefix + "label_file.[]", (n, p) -> text(n, fn))
                .on(prefix + "extends.file", (n, p) -> text(n, fn))
                .on(prefix + "develop.watch.[].path", (n, p) -> text(n, fn))
                .on(prefix + "volumes.[]", (n, p) -> bindSource(n, fn));
    }

    /** A path made absolute against {@code base}, with {@code ~} expanded to {@code home}. */
    static String absolute(String path, Path base, Path home) {
        if (path.equals("~") || path.startsWith("~/")) {
            return home.resolve(path.equals("~") ? "" : path.substring(2)).normalize().toString();
        }
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            return path;
        }
        return base.resolve(p).normalize().toString();
    }

    /**
     * A path relative to the directory {@code from} rewritten relative to {@code to} (both
     * absolute); absolute paths and {@code ~} paths stay as they are.
     */
    static String rebase(String path, Path from, Path to) {
        if (path.startsWith("~") || Path.of(path).isAbsolute()) {
            return path;
        }
        Path target = from.resolve(path).normalize();
        String rel = to.relativize(target).toString();
        return rel.isEmpty() ? "." : rel;
    }

    private static Node text(Node n, UnaryOperator<String> fn) {
        if (n instanceof ScalarNode s && s.isString()) {
            String out = fn.apply(s.text());
            return out.equals(s.text()) ? s : s.withValue(out);
        }
        return n;
    }

    /** Remote build contexts (git, http) and image/service references are not paths. */
    static boolean isRemote(Node n) {
        String t = Nodes.text(n);
        if (t == null) {
            return false;
        }
        return t.contains("://") || t.startsWith("git@") || t.startsWith("github.com/")
                || t.startsWith("docker-image:") || t.startsWith("service:")
                || t.startsWith("oci-layout:");
    }

    private static Node bindSource(Node n, UnaryOperator<String> fn) {
        if (n instanceof MapNode m && "bind".equals(Nodes.text(m.get("type")))
                && m.get("source") instanceof ScalarNode src && src.isString()
                && !src.text().isEmpty()) {
            return m.with("source", text(src, fn));
        }
        return n;
    }

    /** A local volume with {@code o: bind} mounts {@code device}, a host path. */
    private static Node localBindDevice(Node n, UnaryOperator<String> fn) {
        if (n instanceof MapNode m && m.get("driver_opts") instanceof MapNode opts
                && "bind".equals(Nodes.text(opts.get("o")))
                && opts.get("device") != null
                && (m.get("driver") == null || "local".equals(Nodes.text(m.get("driver"))))) {
            return m.with("driver_opts", opts.with("device", text(opts.get("device"), fn)));
        }
        return n;
    }

    static Map<String, Node> entries(MapNode m) {
        return m.entries();
    }
}
