package dev.jcompose.model.load;

import dev.jcompose.model.Diagnostics;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.YamlPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
    /** Services whose chain is merged, by file and name. */
    private final Map<String, MapNode> resolved = new HashMap<>();

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
                resolved = resolve(new Link(normalised, root, e.getKey()));
            }
            out.put(e.getKey(), services.keyMark(e.getKey()), resolved == null ? e.getValue()
                    : resolved);
        }
        return root.with("services", out.build());
    }

    /** A service of a file, on an extends chain. */
    private record Link(Path file, MapNode root, String name) {
        String key() {
            return file + " " + name;
        }

        MapNode service() {
            return ResolveStages.map(root, "services").get(name) instanceof MapNode m ? m : null;
        }
    }

    /**
     * The service of {@code start} with its extends chain merged in, or null after an error.
     * The chain is walked down without recursion (a chain may be thousands long), then merged
     * from its base up; every service resolved on the way is kept, so each is merged once.
     */
    private MapNode resolve(Link start) {
        List<Link> chain = new ArrayList<>();
        Set<String> onChain = new HashSet<>();
        MapNode base = null;
        for (Link link = start; link != null; ) {
            MapNode done = resolved.get(link.key());
            if (done != null) {
                base = done;
                break;
            }
            if (!onChain.add(link.key())) {
                List<String> cycle = new ArrayList<>();
                for (Link l : chain.subList(indexOf(chain, link), chain.size())) {
                    cycle.add(shortName(l));
                }
                cycle.add(shortName(link));
                Link last = chain.get(chain.size() - 1);
                diag.error(last.service().get("extends"), servicePath(last).key("extends"),
                        "extends cycle: " + String.join(" -> ", cycle));
                return null;
            }
            chain.add(link);
            MapNode svc = link.service();
            if (!(svc.get("extends") instanceof MapNode ref)) {
                base = svc;
                chain.remove(chain.size() - 1);
                resolved.put(link.key(), svc);
                break;
            }
            link = baseOf(link, ref);
            if (link == null) {
                return null;
            }
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            Link link = chain.get(i);
            MapNode svc = link.service();
            MapNode ref = (MapNode) svc.get("extends");
            Link baseLink = baseOf(link, ref);
            MapNode b = base.without("extends");
            if (!Objects.equals(baseLink.file().getParent(), link.file().getParent())) {
                b = rebased(b, baseLink.name(), baseLink.file().getParent());
            }
            Node merged = MergeStage.merge(b, svc.without("extends"), servicePath(link));
            base = merged instanceof MapNode m ? MergeStage.clearTags(m) instanceof MapNode c
                    ? c : m : svc;
            resolved.put(link.key(), base);
        }
        return base;
    }

    /** The service {@code ref} (the {@code extends} of {@code link}) names, or null. */
    private Link baseOf(Link link, MapNode ref) {
        String baseName = Nodes.text(ref.get("service"));
        Path baseFile = link.file();
        MapNode baseRoot = link.root();
        if (ref.get("file") != null) {
            Path dir = rootDir != null && link.file().equals(rootFile) ? rootDir
                    : link.file().getParent();
            baseFile = dir.resolve(Nodes.text(ref.get("file"))).normalize();
            baseRoot = files.get(baseFile);
            if (baseRoot == null) {
                String problem = SourceFiles.problem(baseFile);
                if (problem != null) {
                    diag.error(ref.get("file"), servicePath(link).key("extends").key("file"),
                            "file " + baseFile + ": " + problem);
                    return null;
                }
                baseRoot = reader.read(baseFile);
                if (baseRoot == null) {
                    return null;
                }
                files.put(baseFile, baseRoot);
            }
        }
        Link base = new Link(baseFile, baseRoot, baseName);
        if (base.service() == null) {
            diag.error(ref.get("service") != null ? ref.get("service") : ref,
                    servicePath(link).key("extends").key("service"), "service \""
                            + link.name() + "\" extends \"" + baseName + "\", which is not a "
                            + "service of " + baseFile.getFileName());
            return null;
        }
        return base;
    }

    private static int indexOf(List<Link> chain, Link link) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).key().equals(link.key())) {
                return i;
            }
        }
        return 0;
    }

    private static YamlPath servicePath(Link link) {
        return YamlPath.ROOT.key("services").key(link.name());
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

    private static String shortName(Link link) {
        return link.file().getFileName() + ":" + link.name();
    }
}
