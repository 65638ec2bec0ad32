package dev.jcompose.model.load;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.YamlPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code extends}: a service inherits the definition of another service, in the same file or in
 * another one, merged under its own with the rules of {@link MergeStage}. Chains are followed;
 * a cycle is an error naming the chain. A service extended from another file keeps its relative
 * paths pointing where they pointed (they are rebased from that file's directory).
 */
final class ExtendsStage {

    /** A service on an extends chain: the file declaring it and its name. */
    private record Ref(String file, String service) {
        @Override
        public String toString() {
            return service + " (" + file + ")";
        }
    }

    private final FileLoader loader;
    private final FileLoader.Scope scope;
    private final String file;
    private final MapNode services;
    private final Map<String, Node> resolved = new HashMap<>();

    private ExtendsStage(FileLoader loader, FileLoader.Scope scope, String file, MapNode services) {
        this.loader = loader;
        this.scope = scope;
        this.file = file;
        this.services = services;
    }

    /** Applies every {@code extends} of one file's tree. */
    static Node apply(FileLoader loader, FileLoader.Scope scope, String file, Node root) {
        if (!(root instanceof MapNode r) || !(r.get("services") instanceof MapNode services)) {
            return root;
        }
        boolean any = services.entries().values().stream()
                .anyMatch(s -> s instanceof MapNode m && m.has("extends"));
        if (!any) {
            return root;
        }
        ExtendsStage stage = new ExtendsStage(loader, scope, file, services);
        MapNode out = services.mapValues((name, svc) -> stage.resolve(name, List.of()));
        return r.with("services", out);
    }

    /** The service {@code name} of this file with its extends applied, or null on error. */
    Node resolve(String name, List<Ref> chain) {
        Node done = resolved.get(name);
        if (done != null) {
            return done;
        }
        Node svc = services.get(name);
        if (!(svc instanceof MapNode local) || !local.has("extends")) {
            return svc;
        }
        YamlPath path = YamlPath.of("services", name, "extends");
        Ref self = new Ref(file, name);
        if (chain.contains(self)) {
            List<Ref> cycle = new ArrayList<>(chain.subList(chain.indexOf(self), chain.size()));
            cycle.add(self);
            loader.diag().error(local.keyMark("extends"), path, "circular extends: "
                    + cycle.stream().map(Ref::toString).collect(Collectors.joining(" -> ")));
            return svc;
        }
        List<Ref> next = new ArrayList<>(chain);
        next.add(self);
        Node ext = local.get("extends");
        String ref = ext instanceof MapNode m ? Nodes.text(m.get("service")) : null;
        if (ref == null) {
            loader.diag().error(ext, path, "extends." + name + ".service is required: name the "
                    + "service to extend");
            return svc;
        }
        Node refFile = ((MapNode) ext).get("file");
        Node base;
        if (refFile != null && Nodes.text(refFile) != null) {
            base = fromFile(name, ref, Nodes.text(refFile), refFile.mark(), next);
        } else {
            if (!services.has(ref)) {
                loader.diag().error(ext.mark(), path, "cannot extend service \"" + name + "\" in "
                        + file + ": service \"" + ref + "\" not found"
                        + Schema.suggestion(ref, services.keys()));
                return svc;
            }
            base = resolve(ref, next);
        }
        if (base == null) {
            return svc;
        }
        Node merged = MergeStage.merge(withoutExtends(base), withoutExtends(local),
                YamlPath.of("services", name));
        resolved.put(name, merged);
        return merged;
    }

    private Node fromFile(String name, String ref, String refFile, Mark mark, List<Ref> chain) {
        YamlPath path = YamlPath.of("services", name, "extends", "file");
        Path other = scope.workingDir().resolve(refFile).normalize();
        FileLoader.Scope otherScope = scope.withWorkingDir(other.getParent());
        MapNode tree = loader.extendedFile(other, otherScope, mark, path);
        if (tree == null) {
            return null;
        }
        if (!(tree.get("services") instanceof MapNode otherServices)) {
            loader.diag().error(mark, path, "cannot extend service \"" + name + "\" in " + file
                    + ": " + refFile + " has no services section");
            return null;
        }
        if (!otherServices.has(ref)) {
            loader.diag().error(mark, path, "cannot extend service \"" + name + "\" in " + file
                    + ": service \"" + ref + "\" not found in " + refFile
                    + Schema.suggestion(ref, otherServices.keys()));
            return null;
        }
        ExtendsStage stage = new ExtendsStage(loader, otherScope, other.toString(), otherServices);
        Node base = stage.resolve(ref, chain);
        if (base == null) {
            return null;
        }
        Path from = otherScope.workingDir();
        Path to = scope.workingDir();
        return PathsStage.service(base, p -> PathsStage.rebase(p, from, to));
    }

    private static Node withoutExtends(Node service) {
        return service instanceof MapNode m ? m.without("extends") : service;
    }
}
