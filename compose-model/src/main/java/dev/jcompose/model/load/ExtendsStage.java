package dev.jcompose.model.load;

import dev.jcompose.model.Diagnostics;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.YamlPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves {@code extends} in one file's canonical tree: each service that extends another (in
 * the same file, or in {@code file} relative to this file's directory) becomes the base service
 * merged with its own keys, by the same rules as an override file. Chains are followed (a base
 * may extend another); a cycle is an error naming it. Relative paths of a base from another
 * directory (build context, env files, bind mounts) are made absolute against that directory,
 * so they keep pointing where they pointed.
 */
final class ExtendsStage {

    /** Reads another file to the canonical stage, its own {@code extends} unresolved. */
    interface FileReader {
        MapNode read(Path file);
    }

    private final Diagnostics diag;
    private final FileReader reader;
    private final Map<Path, MapNode> files = new HashMap<>();

    private final Path rootDir;
    private Path rootFile;

    ExtendsStage(Diagnostics diag, FileReader reader) {
        this(diag, reader, null);
    }

    /**
     * @param rootDir the folder the applied file's own {@code extends.file} paths are relative
     *                to (an included file's project_directory), or null for the file's folder
     */
    ExtendsStage(Diagnostics diag, FileReader reader, Path rootDir) {
        this.diag = diag;
        this.reader = reader;
        this.rootDir = rootDir;
    }

    /** {@code root}, read from {@code file}, with every service's {@code extends} resolved. */
    MapNode apply(MapNode root, Path file) {
        if (!(root.get("services") instanceof MapNode services)) {
            return root;
        }
        Path normalised = file.toAbsolutePath().normalize();
        rootFile = normalised;
        files.put(normalised, root);
        MapNode.Builder out = MapNode.builder(services.mark());
        for (var e : services.entries().entrySet()) {
            Node resolved = e.getValue();
            if (resolved instanceof MapNode svc && svc.has("extends")) {
                resolved = resolve(e.getKey(), root, normalised, new ArrayList<>());
            }
            out.put(e.getKey(), services.keyMark(e.getKey()), resolved == null ? e.getValue()
                    : resolved);
        }
        return root.with("services", out.build());
    }

    /** The service {@code name} of {@code root} with its extends chain merged in, or null. */
    private MapNode resolve(String name, MapNode root, Path file, List<String> chain) {
        YamlPath path = YamlPath.ROOT.key("services").key(name);
        if (!(ResolveStages.map(root, "services").get(name) instanceof MapNode svc)) {
            return null;
        }
        if (!(svc.get("extends") instanceof MapNode ref)) {
            return svc;
        }
        String link = file + " " + name;
        if (chain.contains(link)) {
            List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(link),
                    chain.size()));
            cycle.add(link);
            diag.error(ref, path.key("extends"), "extends cycle: " + String.join(" -> ",
                    cycle.stream().map(ExtendsStage::shortName).toList()));
            return null;
        }
        chain.add(link);
        String baseName = Nodes.text(ref.get("service"));
        Path baseFile = file;
        MapNode baseRoot = root;
        if (ref.get("file") != null) {
            Path dir = rootDir != null && file.equals(rootFile) ? rootDir : file.getParent();
            baseFile = dir.resolve(Nodes.text(ref.get("file"))).normalize();
            baseRoot = files.get(baseFile);
            if (baseRoot == null) {
                baseRoot = reader.read(baseFile);
                if (baseRoot == null) {
                    return null;
                }
                files.put(baseFile, baseRoot);
            }
        }
        if (!(ResolveStages.map(baseRoot, "services").get(baseName) instanceof MapNode)) {
            diag.error(ref.get("service") != null ? ref.get("service") : ref,
                    path.key("extends").key("service"), "service \"" + name + "\" extends \""
                            + baseName + "\", which is not a service of " + baseFile
                            .getFileName());
            return null;
        }
        MapNode base = resolve(baseName, baseRoot, baseFile, chain);
        chain.remove(chain.size() - 1);
        if (base == null) {
            return null;
        }
        base = base.without("extends");
        if (!Objects.equals(baseFile.getParent(), file.getParent())) {
            base = rebased(base, baseName, baseFile.getParent());
        }
        Node merged = MergeStage.merge(base, svc.without("extends"), path);
        return merged instanceof MapNode m ? MergeStage.clearTags(m) instanceof MapNode c ? c
                : m : svc;
    }

    /** {@code service}'s relative paths made absolute against {@code dir}. */
    private static MapNode rebased(MapNode service, String name, Path dir) {
        MapNode root = MapNode.builder(service.mark())
                .put("services", MapNode.builder(service.mark()).put(name, service).build())
                .build();
        MapNode done = (MapNode) ResolveStages.paths(root, dir,
                Path.of(System.getProperty("user.home")));
        return (MapNode) ResolveStages.map(done, "services").get(name);
    }

    private static String shortName(String link) {
        int space = link.lastIndexOf(' ');
        return Path.of(link.substring(0, space)).getFileName() + ":" + link.substring(space + 1);
    }
}
