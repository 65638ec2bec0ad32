package dev.jcompose.api.local;

import dev.jcompose.api.ComposeException;
import dev.jcompose.api.PublishOptions;
import dev.jcompose.api.PushOptions;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.runtime.OciArtifacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * {@code publish}: the project's compose files as an OCI artifact, as compose v2 publishes it.
 * The files go as they are written, but for their {@code env_file} paths, which become
 * {@code <sha256 of the path>.env} (the env files themselves only with {@code --with-env}).
 * Refused: services with a build section and no image, local includes. Asked first: bind
 * mounts, values of secret-looking keys (password, token, secret, api key, ...) written in the
 * files or env files, inline secret and config content, and env files to publish.
 */
final class Publisher {

    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(api_?key|auth_?key|"
            + "access_?key|private_?key|client_?key|passw(or)?d|pwd|secret|token|credential).*");

    private final LocalComposeService service;
    private final ProgressListener progress;
    private final Map<String, String> env;

    Publisher(LocalComposeService service, ProgressListener progress, Map<String, String> env) {
        this.service = service;
        this.progress = progress;
        this.env = env;
    }

    /** A compose file as it will be published, and the env files it names. */
    private record Prepared(Path file, String text, Map<String, Path> envFiles,
            List<String> findings, List<String> inlineContent) { }

    String publish(Project project, PublishOptions options, Predicate<String> confirm)
            throws InterruptedException {
        List<String> buildOnly = project.services().values().stream()
                .filter(s -> s.build() != null && (s.image() == null || s.image().isEmpty()))
                .map(Service::name).sorted().toList();
        if (!buildOnly.isEmpty()) {
            StringBuilder b = new StringBuilder("your Compose stack cannot be published as it "
                    + "only contains a build section for service(s):");
            buildOnly.forEach(s -> b.append("\n- \"").append(s).append('"'));
            throw new ComposeException(b.toString());
        }
        List<Prepared> files = new ArrayList<>();
        for (Path f : project.configFiles()) {
            files.add(prepare(f, project.workingDir()));
        }
        if (!ask(confirm, bindMounts(project))) {
            return null;
        }
        List<String> sensitive = new ArrayList<>();
        Map<String, Path> envFiles = new TreeMap<>();
        for (Prepared p : files) {
            sensitive.addAll(p.findings());
            sensitive.addAll(p.inlineContent());
            envFiles.putAll(p.envFiles());
        }
        if (options.withEnvironment()) {
            for (Path e : envFiles.values()) {
                sensitive.addAll(scanEnvFile(e));
            }
        }
        if (!sensitive.isEmpty() && !confirm.test("you are about to publish sensitive data "
                + "within your OCI artifact.\nplease double check that you are not leaking "
                + "sensitive data\n" + String.join("\n", sensitive)
                + "\nAre you ok to publish these sensitive data?")) {
            return null;
        }
        List<OciArtifacts.Layer> layers = new ArrayList<>();
        for (Prepared p : files) {
            layers.add(new OciArtifacts.Layer(OciArtifacts.COMPOSE_FILE,
                    p.file().getFileName().toString(), p.text().getBytes(StandardCharsets.UTF_8),
                    false));
        }
        if (options.withEnvironment() && !envFiles.isEmpty()) {
            if (!confirm.test("you are about to publish environment files within your OCI "
                    + "artifact:\n  " + String.join("\n  ", envFiles.values().stream()
                            .map(Path::toString).toList())
                    + "\nAre you ok to publish these environment files?")) {
                return null;
            }
            for (Map.Entry<String, Path> e : envFiles.entrySet()) {
                if (Files.isRegularFile(e.getValue())) {
                    layers.add(new OciArtifacts.Layer(OciArtifacts.ENV_FILE, e.getKey(),
                            read(e.getValue()), false));
                }
            }
        }
        service.push(project, PushOptions.defaults().withIgnoreFailures(true)
                .withDryRun(options.dryRun()));
        if (options.resolveImageDigests()) {
            layers.add(new OciArtifacts.Layer(OciArtifacts.COMPOSE_FILE, ImageDigests.FILE,
                    ImageDigests.override(service.pinImages(project))
                            .getBytes(StandardCharsets.UTF_8), false));
        }
        String resource = options.repository();
        progress.on(ProgressEvent.working(resource, "Publishing"));
        if (options.dryRun()) {
            progress.on(ProgressEvent.done(resource, "Published"));
            return null;
        }
        String digest;
        try {
            digest = OciArtifacts.fromEnvironment(env, options.insecureRegistry()).push(
                    OciArtifacts.Reference.parse(options.repository()), layers,
                    options.ociVersion(), options.composeVersion());
        } catch (RuntimeException e) {
            progress.on(ProgressEvent.error(resource, "Error", e.getMessage()));
            throw e;
        }
        progress.on(ProgressEvent.done(resource, "Published"));
        return digest;
    }

    private static boolean ask(Predicate<String> confirm, String question) {
        return question == null || confirm.test(question);
    }

    private static String bindMounts(Project project) {
        StringBuilder b = new StringBuilder();
        for (Service s : new TreeMap<>(project.services()).values()) {
            for (ServiceVolume v : s.volumes()) {
                if ("bind".equals(v.type())) {
                    b.append(s.name()).append(": ").append(v.source()).append(':')
                            .append(v.target()).append('\n');
                }
            }
        }
        if (b.isEmpty()) {
            return null;
        }
        return "you are about to publish bind mounts declaration within your OCI artifact.\n"
                + "only the bind mount declarations will be added to the OCI artifact (not "
                + "content)\nplease double check that you are not mounting potential user's "
                + "sensitive directories or data\n" + b
                + "Are you ok to publish these bind mount declarations?";
    }

    /** The file with its env_file paths replaced, what it names, and what looks secret. */
    private static Prepared prepare(Path file, Path workingDir) {
        String text = new String(read(file), StandardCharsets.UTF_8);
        Node root = compose(text, file);
        Map<String, Path> envFiles = new LinkedHashMap<>();
        List<String> findings = new ArrayList<>();
        List<String> inline = new ArrayList<>();
        List<int[]> cuts = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        if (root instanceof MappingNode top) {
            if (value(top, "include") != null) {
                throw new ComposeException("cannot publish compose file with local includes: "
                        + file);
            }
            for (String kind : List.of("secrets", "configs")) {
                if (value(top, kind) instanceof MappingNode m) {
                    for (NodeTuple t : m.getValue()) {
                        if (t.getValueNode() instanceof MappingNode def
                                && value(def, "content") instanceof ScalarNode content
                                && !content.getValue().contains("${")) {
                            inline.add(kind.substring(0, kind.length() - 1) + " \""
                                    + scalar(t.getKeyNode()) + "\": inline content");
                        }
                    }
                }
            }
            if (value(top, "services") instanceof MappingNode services) {
                for (NodeTuple t : services.getValue()) {
                    String name = scalar(t.getKeyNode());
                    if (!(t.getValueNode() instanceof MappingNode svc)) {
                        continue;
                    }
                    for (ScalarNode path : envFilePaths(value(svc, "env_file"))) {
                        Path resolved = workingDir.resolve(path.getValue()).normalize();
                        String hash = OciArtifactsNames.envFile(resolved);
                        envFiles.put(hash, resolved);
                        cuts.add(new int[] {path.getStartMark().get().getIndex(),
                                path.getEndMark().get().getIndex()});
                        replacements.add(hash);
                    }
                    environment(value(svc, "environment")).forEach((k, v) -> {
                        if (SECRET_KEY.matcher(k).matches() && !v.isEmpty() && !v.contains("${")
                                && !v.startsWith("$")) {
                            findings.add("service \"" + name + "\": literal value for \"" + k
                                    + "\"");
                        }
                    });
                }
            }
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = cuts.size() - 1; i >= 0; i--) {
            out.replace(cuts.get(i)[0], cuts.get(i)[1], replacements.get(i));
        }
        return new Prepared(file, out.toString(), envFiles, findings, inline);
    }

    private static List<String> scanEnvFile(Path file) {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (String line : new String(read(file), StandardCharsets.UTF_8).split("\n")) {
            String l = line.strip().replaceFirst("^export\\s+", "");
            int eq = l.indexOf('=');
            if (!l.startsWith("#") && eq > 0 && SECRET_KEY.matcher(l.substring(0, eq)).matches()
                    && !l.substring(eq + 1).isBlank()) {
                out.add("env file " + file + ": value for \"" + l.substring(0, eq).strip()
                        + "\"");
            }
        }
        return out;
    }

    private static List<ScalarNode> envFilePaths(Node n) {
        List<ScalarNode> out = new ArrayList<>();
        if (n instanceof ScalarNode s) {
            out.add(s);
        } else if (n instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s) {
                    out.add(s);
                } else if (item instanceof MappingNode m && value(m, "path") instanceof ScalarNode s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static Map<String, String> environment(Node n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                out.put(scalar(t.getKeyNode()), t.getValueNode() instanceof ScalarNode s
                        ? s.getValue() : "");
            }
        } else if (n instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                String entry = scalar(item);
                int eq = entry.indexOf('=');
                out.put(eq < 0 ? entry : entry.substring(0, eq),
                        eq < 0 ? "" : entry.substring(eq + 1));
            }
        }
        return out;
    }

    private static Node value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (key.equals(scalar(t.getKeyNode()))) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : "";
    }

    private static Node compose(String text, Path file) {
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString())
                .setUseMarks(true).build();
        Composer composer = new Composer(settings, new ParserImpl(settings,
                new StreamReader(settings, text)));
        return composer.getSingleNode().orElse(null);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ComposeException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
