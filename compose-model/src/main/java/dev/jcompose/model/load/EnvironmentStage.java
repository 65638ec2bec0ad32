package dev.jcompose.model.load;

import dev.jcompose.model.Diagnostics;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.YamlPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves each service's environment as the container will see it: {@code env_file} entries
 * read in order (later files win), then {@code environment} on top, bare keys
 * ({@code environment: [FOO]}) taking their value from the interpolation environment; and
 * {@code label_file} entries read under {@code labels}. Inside an env file, {@code ${X}} sees the
 * interpolation environment first, then the service's own {@code environment}, then the keys
 * read before it. With a {@link EnvironmentTrace}, it records where every value came from.
 */
final class EnvironmentStage {

    private final Environment env;
    private final Path base;
    private final Diagnostics diag;
    private final boolean discardEnvFiles;
    private final EnvironmentTrace trace;
    private final java.util.Set<String> needed;

    /**
     * @param base            directory that relative env file paths are read against (they are
     *                        already absolute unless paths are not resolved)
     * @param discardEnvFiles drop {@code env_file} once read, as docker compose does
     * @param trace           receives each variable's origin, or null
     * @param needed          services whose missing env files are an error (those the command
     *                        works on and their dependencies), or null for all
     */
    EnvironmentStage(Environment env, Path base, Diagnostics diag, boolean discardEnvFiles,
            EnvironmentTrace trace, java.util.Set<String> needed) {
        this.needed = needed;
        this.env = env;
        this.base = base;
        this.diag = diag;
        this.discardEnvFiles = discardEnvFiles;
        this.trace = trace;
    }

    MapNode apply(MapNode root) {
        MapNode services = ResolveStages.map(root, "services");
        return root.with("services", services.mapValues((name, v) -> service(name, (MapNode) v)));
    }

    /**
     * An env file of {@code format: raw}: KEY=VALUE lines taken as written (no quotes removed,
     * no variables resolved); blank lines and lines starting with # are skipped.
     */
    private static Map<String, String> raw(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : SourceFiles.read(file, file.toString()).split("\r?\n")) {
            int eq = line.indexOf('=');
            if (line.isBlank() || line.strip().startsWith("#") || eq <= 0) {
                continue;
            }
            out.put(line.substring(0, eq).strip(), line.substring(eq + 1));
        }
        return out;
    }

    private MapNode service(String name, MapNode svc) {
        YamlPath path = YamlPath.of("services", name);
        Map<String, Node> declared = svc.get("environment") instanceof MapNode m
                ? m.entries() : Map.of();
        Map<String, Node> environment = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        if (svc.get("env_file") instanceof SeqNode files) {
            Map<String, String> read = new LinkedHashMap<>();
            for (int i = 0; i < files.size(); i++) {
                if (!(files.get(i) instanceof MapNode f)) {
                    continue;
                }
                String file = Nodes.text(f.get("path"));
                boolean required = !(f.get("required") instanceof ScalarNode r
                        && Boolean.FALSE.equals(r.value()));
                Path p = base.resolve(file).normalize();
                String problem = SourceFiles.problem(p);
                if (problem != null) {
                    if (!problem.equals("not found")) {
                        diag.error(f, path.key("env_file").index(i), "env file " + file + ": "
                                + problem);
                    } else if (required && (needed == null || needed.contains(name))) {
                        diag.error(f, path.key("env_file").index(i), "env file " + file
                                + " not found");
                    }
                    continue;
                }
                Map<String, String> fromFile = "raw".equals(Nodes.text(f.get("format")))
                        ? raw(p) : Environment.readEnvFile(p, k -> {
                            String v = env.get(k);
                            return v != null ? v : declaredValue(declared, k);
                        }, read::get);
                read.putAll(fromFile);
                fromFile.forEach((k, val) -> {
                    environment.put(k, Nodes.str(val, f.mark()));
                    origins.put(k, trace == null ? "" : "env_file " + trace.shown(p.toString()));
                });
            }
        }
        declared.forEach((k, val) -> {
            if (val.isNull()) {
                Environment.Value fromEnv = env.describe(k);
                if (fromEnv != null) {
                    environment.put(k, Nodes.str(fromEnv.value(), val.mark()));
                    origins.put(k, trace == null ? "" : trace.shown(fromEnv.source())
                            + " (bare key at " + trace.shownMark(val.mark()) + ")");
                } else if (!environment.containsKey(k)) {
                    environment.put(k, val);
                    origins.put(k, trace == null ? "" : "not set anywhere (bare key at "
                            + trace.shownMark(val.mark())
                            + "): unset in the container, the image's value too");
                }
            } else {
                environment.put(k, val);
                String overridden = origins.get(k);
                origins.put(k, trace == null ? "" : trace.describe(val.mark())
                        + (overridden == null ? "" : "; overrides " + overridden));
            }
        });
        if (trace != null) {
            Map<String, EnvironmentTrace.Origin> out = new LinkedHashMap<>();
            environment.forEach((k, val) -> out.put(k, new EnvironmentTrace.Origin(
                    val.isNull() ? null : Nodes.text(val), origins.get(k))));
            trace.service(name, out);
        }
        MapNode result = svc;
        if (!environment.isEmpty()) {
            MapNode.Builder envNode = MapNode.builder(svc.mark());
            environment.forEach(envNode::put);
            result = result.with("environment", envNode.build());
        }
        if (discardEnvFiles && result.has("env_file")) {
            result = result.without("env_file");
        }
        return labels(result, path);
    }

    /** {@code label_file} entries read under {@code labels}; declared labels win. */
    private MapNode labels(MapNode svc, YamlPath path) {
        if (!(svc.get("label_file") instanceof SeqNode files)) {
            return svc;
        }
        Map<String, Node> labels = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            String file = Nodes.text(files.get(i));
            Path p = base.resolve(file).normalize();
            String problem = SourceFiles.problem(p);
            if (problem != null) {
                diag.error(files.get(i), path.key("label_file").index(i), "label file " + file
                        + (problem.equals("not found") ? " not found" : ": " + problem));
                continue;
            }
            Node item = files.get(i);
            Environment.readEnvFile(p, env::get).forEach((k, val) ->
                    labels.put(k, Nodes.str(val, item.mark())));
        }
        if (svc.get("labels") instanceof MapNode declared) {
            labels.putAll(declared.entries());
        }
        MapNode.Builder out = MapNode.builder(svc.mark());
        labels.forEach(out::put);
        return svc.with("labels", out.build());
    }

    private static String declaredValue(Map<String, Node> declared, String key) {
        Node n = declared.get(key);
        return n == null || n.isNull() ? null : Nodes.text(n);
    }
}
