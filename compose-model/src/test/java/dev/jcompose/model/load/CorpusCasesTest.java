package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Diagnostics;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The library-level rows of the conformance corpus (../shared/conformance): interpolation and
 * {@code .env} cases (json-cases) and the merge rows (base + override = expected). Every case
 * runs; each must pass unless listed in {@code conformance/known-model-failures.tsv} with the
 * reason, and a listed case that passes fails the test too, so the list only shrinks. The full
 * result, case by case, is written to {@code target/conformance-model-report.md}; run with
 * {@code -Dconformance.update=true} to rewrite the list.
 *
 * <p>Merge rows: upstream merges raw trees and compares them with the expected YAML as data; our
 * merge works on the canonical form (every short syntax already in its long form), so the
 * expected file is put through the same canonical stage before the comparison. The result must be
 * the same data, which is what a user sees after {@code config}.
 */
class CorpusCasesTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path KNOWN = REPO.resolve(
            "compose-model/src/test/resources/conformance/known-model-failures.tsv");

    /**
     * -Dconformance.dir, else {@code shared/conformance} beside the repository or above it, else
     * the workspace's {@code /work/shared/conformance} (as the cli module's ConformanceTest).
     */
    static Path corpus() {
        String given = System.getProperty("conformance.dir");
        if (given != null) {
            return Path.of(given);
        }
        for (Path p = REPO.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/conformance");
            if (Files.isRegularFile(candidate.resolve("expectations.tsv"))) {
                return candidate;
            }
        }
        return Path.of("/work/shared/conformance");
    }

    private final Map<String, String> results = new LinkedHashMap<>();
    private final Map<String, String> groups = new LinkedHashMap<>();

    @Test
    void libraryRowsOfTheCorpus() throws IOException {
        Path corpus = corpus();
        assertTrue(Files.isRegularFile(corpus.resolve("expectations.tsv")),
                "the conformance corpus is not at " + corpus);
        interpolation(corpus, "compose-go-interp", "fixtures/compose-go/interpolation/cases.json");
        interpolation(corpus, "compose-v1-interp",
                "fixtures/docker-compose-1.29.2/_interpolation/cases.json");
        dotenv(corpus);
        merges(corpus);

        Map<String, String> known = known();
        report();
        if (Boolean.getBoolean("conformance.update")) {
            StringBuilder sb = new StringBuilder("# Library-level conformance cases jcompose does "
                    + "not meet yet (CorpusCasesTest), with what it did instead.\n");
            results.forEach((id, r) -> {
                if (!r.equals("pass")) {
                    sb.append(id).append('\t').append(r.replace('\n', ' ').replace('\t', ' '))
                            .append('\n');
                }
            });
            Files.writeString(KNOWN, sb.toString());
            return;
        }
        List<String> regressions = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        results.forEach((id, r) -> {
            if (!r.equals("pass") && !known.containsKey(id)) {
                regressions.add(id + ": " + r);
            }
            if (r.equals("pass") && known.containsKey(id)) {
                fixed.add(id);
            }
        });
        assertTrue(regressions.isEmpty(), "cases that now fail:\n" + String.join("\n", regressions));
        assertTrue(fixed.isEmpty(), "cases that now pass: remove them from " + KNOWN + ": " + fixed);
    }

    // ---- interpolation -------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void interpolation(Path corpus, String group, String file) throws IOException {
        Map<String, Object> doc = json(corpus.resolve(file));
        for (Object o : (List<Object>) doc.get("cases")) {
            Map<String, Object> c = (Map<String, Object>) o;
            String id = group + "/" + c.get("id");
            Map<String, String> env = new HashMap<>();
            ((Map<String, Object>) c.getOrDefault("env", Map.of()))
                    .forEach((k, v) -> env.put(k, String.valueOf(v)));
            String template = (String) c.get("template");
            Object expected = c.get("expected");
            Object error = c.containsKey("error_contains") ? c.get("error_contains") : c.get("error");
            String result;
            try {
                String got = new Interpolator(env::get, v -> { }).substitute(template);
                result = expected != null && expected.equals(got) ? "pass"
                        : "substituted " + show(template) + " to " + show(got) + ", expected "
                        + (expected != null ? show(expected) : "an error " + error);
            } catch (Interpolator.InterpolationException e) {
                result = error != null ? "pass"
                        : "refused " + show(template) + " (" + e.getMessage() + "), expected "
                        + show(expected);
            }
            record(group, id, result);
        }
    }

    // ---- .env ------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void dotenv(Path corpus) throws IOException {
        Path dir = corpus.resolve("fixtures/compose-go/dotenv");
        Map<String, Object> doc = json(dir.resolve("cases.json"));
        String group = "compose-go-dotenv";
        int n = 0;
        for (Object o : (List<Object>) doc.get("files")) {
            Map<String, Object> c = (Map<String, Object>) o;
            String id = group + "/file-" + (++n) + "-" + c.get("file") + "-" + c.get("mode");
            Map<String, String> preset = strings(c.get("preset_env"));
            String mode = (String) c.get("mode");
            String result;
            try {
                String text = Files.readString(dir.resolve((String) c.get("file")));
                Map<String, String> got = Dotenv.parse((String) c.get("file"), text,
                        mode.equals("read") ? k -> null : preset::get);
                if (mode.equals("load")) {
                    Map<String, String> merged = new HashMap<>(got);
                    merged.putAll(preset);
                    got = merged;
                }
                result = c.get("error_contains") != null
                        ? "accepted " + c.get("file") + ", expected an error "
                        + c.get("error_contains")
                        : compareEnv(strings(c.get("expected")), got,
                                Boolean.TRUE.equals(c.get("exact")));
            } catch (RuntimeException e) {
                result = c.get("error_contains") != null ? "pass" : "refused: " + e.getMessage();
            }
            record(group, id, result);
        }
        n = 0;
        for (Object o : (List<Object>) doc.get("lines")) {
            Map<String, Object> c = (Map<String, Object>) o;
            String id = group + "/line-" + (++n);
            String input = (String) c.get("input");
            Object error = c.get("error");
            if (error == null) {
                error = c.get("error_contains");
            }
            String result;
            try {
                Map<String, String> lookup = strings(c.get("preset_env"));
                lookup.putAll(strings(c.get("lookup_env")));
                Map<String, String> got = Dotenv.parse(".env", input, lookup::get);
                result = error != null ? "accepted " + show(input) + " as " + got
                        + ", expected an error"
                        : compareEnv(strings(c.get("expected")), got,
                                Boolean.TRUE.equals(c.get("exact")));
            } catch (RuntimeException e) {
                result = error != null ? "pass" : "refused " + show(input) + ": " + e.getMessage();
            }
            record(group, id, result);
        }
        n = 0;
        for (Object o : (List<Object>) doc.get("multi_files")) {
            Map<String, Object> c = (Map<String, Object>) o;
            String id = group + "/multi-" + (++n);
            Map<String, String> preset = strings(c.get("preset_env"));
            String result;
            try {
                Path tmp = Files.createTempDirectory("dotenv");
                List<Path> files = new ArrayList<>();
                int i = 0;
                for (Object content : (List<Object>) c.get("files_content")) {
                    Path f = tmp.resolve("f" + (i++) + ".env");
                    Files.writeString(f, (String) content);
                    files.add(f);
                }
                // the env files' own values, references resolved process env first
                Map<String, String> read = Environment.readEnvFiles(preset, files);
                Map<String, String> got = new HashMap<>();
                strings(c.get("expected")).keySet().forEach(k -> {
                    if (read.get(k) != null) {
                        got.put(k, read.get(k));
                    }
                });
                result = compareEnv(strings(c.get("expected")), got, false);
            } catch (RuntimeException e) {
                result = "refused: " + e.getMessage();
            }
            record(group, id, result);
        }
    }

    private static String compareEnv(Map<String, String> expected, Map<String, String> got,
            boolean exact) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!Objects.equals(e.getValue(), got.get(e.getKey()))) {
                return e.getKey() + ": expected " + show(e.getValue()) + ", got "
                        + show(got.get(e.getKey()));
            }
        }
        if (exact && !expected.keySet().equals(got.keySet())) {
            return "keys: expected " + new TreeMap<>(expected).keySet() + ", got "
                    + new TreeMap<>(got).keySet();
        }
        return "pass";
    }

    // ---- merge -----------------------------------------------------------------------------

    private void merges(Path corpus) throws IOException {
        for (String line : Files.readAllLines(corpus.resolve("expectations.tsv")).subList(1,
                Files.readAllLines(corpus.resolve("expectations.tsv")).size())) {
            String[] f = line.split("\t", -1);
            if (!f[1].equals("compose-go-merge")) {
                continue;
            }
            Path fixture = corpus.resolve(f[2]);
            String[] files = f[3].split(",");
            String result;
            try {
                Node merged = null;
                for (String file : files) {
                    Node tree = canonical(fixture.resolve(file));
                    merged = merged == null ? tree : MergeStage.merge(merged, tree);
                }
                Object want = Nodes.plain(canonical(corpus.resolve(f[7])));
                Object got = Nodes.plain(MergeStage.enforceUnicity(merged));
                result = Objects.equals(want, got) ? "pass"
                        : "merged to " + got + ", expected " + want;
            } catch (RuntimeException e) {
                result = "refused: " + e.getMessage();
            }
            record("compose-go-merge", f[0], result);
        }
    }

    private static Node canonical(Path file) throws IOException {
        Node tree = YamlReader.readAll(file.toString(), Files.readString(file)).get(0);
        return new CanonicalStage(new Diagnostics()).apply(tree);
    }

    // ---- plumbing --------------------------------------------------------------------------

    private void record(String group, String id, String result) {
        results.put(id, result);
        groups.put(id, group);
    }

    private void report() throws IOException {
        Map<String, int[]> counts = new TreeMap<>();
        results.forEach((id, r) -> {
            int[] c = counts.computeIfAbsent(groups.get(id), g -> new int[2]);
            c[1]++;
            if (r.equals("pass")) {
                c[0]++;
            }
        });
        StringBuilder sb = new StringBuilder("# Conformance: library-level cases\n\n");
        sb.append("| group | pass | cases |\n|---|---:|---:|\n");
        counts.forEach((g, c) -> sb.append("| ").append(g).append(" | ").append(c[0])
                .append(" | ").append(c[1]).append(" |\n"));
        sb.append("\n| case | result |\n|---|---|\n");
        results.forEach((id, r) -> sb.append("| ").append(id).append(" | ")
                .append(r.replace("|", "\\|").replace("\n", " ")).append(" |\n"));
        Path out = REPO.resolve("compose-model/target/conformance-model-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb.toString());
    }

    private static Map<String, String> known() throws IOException {
        Map<String, String> out = new HashMap<>();
        if (Files.isRegularFile(KNOWN)) {
            for (String line : Files.readAllLines(KNOWN)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t", 2);
                    out.put(f[0], f.length > 1 ? f[1] : "");
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Object o) {
        Map<String, String> out = new HashMap<>();
        if (o instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, v == null ? null
                    : String.valueOf(v)));
        }
        return out;
    }

    private static String show(Object s) {
        return s == null ? "<unset>" : "\"" + s + "\"";
    }
}
