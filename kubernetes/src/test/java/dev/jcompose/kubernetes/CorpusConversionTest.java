package dev.jcompose.kubernetes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.LoadOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every project of the shared conformance corpus ({@code shared/conformance}) that loads,
 * converted: each object must read back strictly into the fabric8 model (the converter checks
 * it) and pass the Kubernetes OpenAPI schema ({@link OpenApiCheck}). What each project becomes
 * (its objects, its warnings with their file:line:col) is one golden file; the corpus's own
 * conformance suite (compose-spec's {@code conformance-tests} fixtures) has golden files of
 * the full YAML.
 */
class CorpusConversionTest {

    record Case(String fixture, List<String> files, Map<String, String> env, String project,
            boolean consistency) { }

    @Test
    void everyLoadableProjectConvertsToValidObjects() throws IOException {
        Path corpus = corpus();
        StringBuilder digest = new StringBuilder();
        int converted = 0;
        int objects = 0;
        for (Case c : cases(corpus)) {
            Project project = load(corpus, c);
            if (project == null) {
                continue;
            }
            digest.append("== ").append(c.fixture()).append(' ').append(c.files())
                    .append(c.env().isEmpty() ? "" : " " + c.env()).append('\n');
            Manifests m;
            try {
                m = KubernetesConverter.convert(project, ConvertOptions.defaults());
            } catch (ComposeFileException e) {
                e.problems().forEach(p -> digest.append("  ERROR ").append(p).append('\n'));
                continue;
            }
            m.objects().forEach(OpenApiCheck::check);
            converted++;
            objects += m.objects().size();
            for (HasMetadata o : m.objects()) {
                digest.append("  ").append(o.getKind()).append(' ')
                        .append(o.getMetadata().getName()).append('\n');
            }
            for (Problem w : m.warnings()) {
                digest.append("  WARN ").append(w).append('\n');
            }
            if (c.fixture().contains("/conformance-tests/")) {
                Golden.check("corpus/" + Path.of(c.fixture()).getFileName() + ".yaml",
                        Projects.render(m));
            }
        }
        assertTrue(converted >= 100, "only " + converted + " corpus projects converted");
        Golden.check("corpus/digest.txt", "# " + converted + " projects, " + objects
                + " objects\n" + digest);
    }

    private static Project load(Path corpus, Case c) {
        Path dir = corpus.resolve(c.fixture());
        LoadOptions.Builder b = LoadOptions.builder().workingDir(dir).processEnv(c.env())
                .projectName(c.project()).consistencyCheck(c.consistency());
        c.files().forEach(f -> b.file(dir.resolve(f)));
        try {
            return ComposeLoader.load(b.build());
        } catch (ComposeFileException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The distinct projects of the rows the loader is expected to accept. */
    private static List<Case> cases(Path corpus) throws IOException {
        Map<String, Case> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(corpus.resolve("expectations.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            if (!List.of("ok", "fields", "runtime", "yaml-equals").contains(c[6])) {
                continue;
            }
            Map<String, String> env = new LinkedHashMap<>();
            if (!c[4].isEmpty()) {
                for (String kv : c[4].split(";")) {
                    int eq = kv.indexOf('=');
                    env.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            List<String> files = c[3].isEmpty() ? List.of() : Arrays.asList(c[3].split(","));
            String[] words = c[5].split(" ");
            String project = null;
            for (int i = 0; i + 1 < words.length; i++) {
                if (words[i].equals("-p")) {
                    project = words[i + 1];
                }
            }
            Case k = new Case(c[2], files, env, project,
                    !c[8].contains("SkipConsistencyCheck"));
            out.putIfAbsent(k.toString(), k);
        }
        return new ArrayList<>(out.values());
    }

    /** The corpus beside the repository (or {@code -Dconformance.dir}). */
    static Path corpus() {
        String given = System.getProperty("conformance.dir");
        List<Path> candidates = new ArrayList<>();
        if (given != null) {
            candidates.add(Path.of(given));
        }
        for (Path p = Projects.REPO.getParent(); p != null; p = p.getParent()) {
            candidates.add(p.resolve("shared/conformance"));
        }
        candidates.add(Path.of("/work/shared/conformance"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("expectations.tsv"))) {
                return p;
            }
        }
        throw new AssertionError("the conformance corpus is not beside the repository "
                + "(shared/conformance); give its directory with -Dconformance.dir=DIR");
    }
}
