package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Project;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.LoadOptions;
import dev.jcompose.model.load.ModelPrinter;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The conformance corpus (../shared/conformance: expectations that upstream compose projects
 * state about their own fixtures) run against jcompose's loader through the CLI, in-process.
 *
 * <p>Rows covered here: the {@code config}-level ones whose outcome needs no engine, of kinds
 * {@code ok}, {@code error}, {@code error-exact} and {@code fields}. Each must pass, unless it is
 * listed in {@code conformance/known-failures.tsv} with the reason; a listed row that passes
 * fails the test too, so the list only shrinks. The full result, row by row, is written to
 * {@code target/conformance-report.md}. Run with {@code -Dconformance.update=true} to rewrite
 * the list from the current results.
 *
 * <p>An {@code error} row passes when jcompose refuses the files (non-zero exit); whether its
 * message also contains upstream's wording is counted separately, since jcompose words its
 * errors its own way (file, line, key).
 */
class ConformanceTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path CORPUS = corpus();
    private static final Path KNOWN = REPO.resolve(
            "cli/src/test/resources/conformance/known-failures.tsv");
    private static final Pattern CONFIG_COMMAND = Pattern.compile(
            "^((?:(?:-p|--profile|--project-directory|--env-file) \\S+ )*)config( \\w+)?"
                    + "( \\(run in this folder(?:, no -f)?\\))?$");

    record Row(String id, String group, String fixture, List<String> files,
            Map<String, String> env, String command, String kind, String expected,
            String options, String note) { }

    record Outcome(boolean pass, String detail, boolean wordingMatches) { }

    @Test
    void configRowsOfTheCorpus() throws IOException {
        assertTrue(Files.isRegularFile(CORPUS.resolve("expectations.tsv")),
                "the conformance corpus is not at " + CORPUS);
        List<Row> rows = rows();
        Map<String, String> known = known();
        Map<String, Outcome> results = new LinkedHashMap<>();
        for (Row row : rows) {
            results.put(row.id(), run(row));
        }
        report(rows, results);
        if (Boolean.getBoolean("conformance.update")) {
            writeKnown(rows, results);
            return;
        }
        List<String> regressions = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        results.forEach((id, o) -> {
            if (!o.pass() && !known.containsKey(id)) {
                regressions.add(id + ": " + o.detail());
            }
            if (o.pass() && known.containsKey(id)) {
                fixed.add(id);
            }
        });
        assertTrue(regressions.isEmpty(), "rows that now fail:\n" + String.join("\n",
                regressions));
        assertTrue(fixed.isEmpty(), "rows that now pass: remove them from " + KNOWN + ": "
                + fixed);
    }

    // --- the corpus -----------------------------------------------------------------------------

    /**
     * -Dconformance.dir, else {@code shared/conformance} beside the repository or above it, else
     * the workspace's {@code /work/shared/conformance} (for a clone made anywhere else).
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
        Path workspace = Path.of("/work/shared/conformance");
        if (Files.isRegularFile(workspace.resolve("expectations.tsv"))) {
            return workspace;
        }
        return REPO.resolve("../shared/conformance").normalize();
    }

    private static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(CORPUS.resolve("expectations.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            String kind = c[6];
            if (!List.of("ok", "error", "error-exact", "fields").contains(kind)
                    || !CONFIG_COMMAND.matcher(c[5]).matches()) {
                continue;
            }
            Map<String, String> env = new LinkedHashMap<>();
            if (!c[4].isEmpty()) {
                for (String kv : c[4].split(";")) {
                    int eq = kv.indexOf('=');
                    env.put(kv.substring(0, eq), unescape(kv.substring(eq + 1)));
                }
            }
            List<String> files = c[3].isEmpty() ? List.of() : Arrays.asList(c[3].split(","));
            out.add(new Row(c[0], c[1], c[2], files, env, c[5], kind, unescape(c[7]), c[8],
                    c.length > 10 ? c[10] : ""));
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
    }

    // --- running a row --------------------------------------------------------------------------

    /**
     * compose-go rows state what compose-go's loader does with the options the upstream test
     * gave it (column {@code options}; skipped checks, path resolution, discarded env files):
     * they run through jcompose's loader with the same options. The other groups describe the
     * compose command line, and run through the CLI.
     */
    private static Outcome run(Row row) {
        Path dir = CORPUS.resolve(row.fixture());
        Matcher m = CONFIG_COMMAND.matcher(row.command());
        m.matches();
        List<String> global = m.group(1).isBlank() ? List.of()
                : Arrays.asList(m.group(1).trim().split(" "));
        String service = m.group(2) == null ? null : m.group(2).trim();
        boolean noFiles = row.command().contains("no -f");
        // compose-go's loader saw exactly the row's variables; the CLI sees the process too
        boolean library = row.group().startsWith("compose-go");
        Map<String, String> env = new HashMap<>();
        if (!library) {
            env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            env.put("HOME", System.getProperty("user.home"));
        }
        env.putAll(row.env());
        Result r;
        try {
            r = library
                    ? loader(row, dir, noFiles ? List.of() : row.files(), global, service, env)
                    : cli(dir, noFiles ? List.of() : row.files(), global, service, env);
        } catch (RuntimeException e) {
            return new Outcome(false, "crashed: " + e, false);
        }
        String message = oneLine(r.err());
        return switch (row.kind()) {
            case "ok" -> r.ok() ? new Outcome(true, "ok", true)
                    : new Outcome(false, "refused: " + message, false);
            case "error", "error-exact" -> !r.ok()
                    ? new Outcome(true, "refused: " + message, r.err().contains(row.expected()))
                    : new Outcome(false, "accepted; upstream refuses: " + row.expected(), false);
            case "fields" -> !r.ok() ? new Outcome(false, "refused: " + message, false)
                    : fields(row.expected(), r, dir);
            default -> throw new IllegalStateException(row.kind());
        };
    }

    /** A load's outcome: the model as JSON, or the errors. */
    record Result(boolean ok, String json, String err, List<String> files) { }

    private static Result cli(Path dir, List<String> files, List<String> global, String service,
            Map<String, String> env) {
        List<String> args = new ArrayList<>();
        files.forEach(f -> {
            args.add("-f");
            args.add(f);
        });
        args.addAll(global);
        args.addAll(List.of("config", "--format", "json"));
        if (service != null) {
            args.add(service);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), env, dir, false, false);
        int code = Main.run(console, args.toArray(String[]::new));
        return new Result(code == 0, out.toString(), err.toString(), null);
    }

    private static Result loader(Row row, Path dir, List<String> files, List<String> global,
            String service, Map<String, String> env) {
        List<String> options = Arrays.asList(row.options().split(","));
        LoadOptions.Builder b = LoadOptions.builder()
                .workingDir(dir)
                .processEnv(env)
                .consistencyCheck(!options.contains("SkipConsistencyCheck"))
                .normalize(!options.contains("SkipNormalization"))
                .resolvePaths(!options.contains("ResolvePaths=false"))
                .validate(!options.contains("SkipValidation"))
                .discardEnvFiles(row.note().contains("WithDiscardEnvFiles"));
        files.forEach(f -> b.file(Path.of(f)));
        for (int i = 0; i < global.size(); i += 2) {
            String value = global.get(i + 1);
            switch (global.get(i)) {
                case "-p" -> b.projectName(value);
                case "--profile" -> b.profiles(List.of(value));
                case "--project-directory" -> b.projectDirectory(Path.of(value));
                case "--env-file" -> b.envFile(Path.of(value));
                default -> throw new IllegalArgumentException(global.get(i));
            }
        }
        if (service != null) {
            b.services(List.of(service));
        }
        StringBuilder warnings = new StringBuilder();
        b.warnings(p -> warnings.append("WARN ").append(p).append('\n'));
        try {
            Project project = ComposeLoader.load(b.build());
            if (service != null) {
                project = project.withSelectedServices(List.of(service), true);
            }
            return new Result(true, ModelPrinter.json(project), warnings.toString(),
                    project.configFiles().stream().map(Path::toString).toList());
        } catch (ComposeFileException e) {
            return new Result(false, "", warnings + e.getMessage(), null);
        }
    }

    private static String oneLine(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }

    // --- fields: path=value on the printed model ------------------------------------------------

    private static final Load YAML = new Load(LoadSettings.builder().build());
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private static Outcome fields(String expected, Result result, Path fixture) {
        Map<String, Object> model = new LinkedHashMap<>();
        if (parsed(result.json()) instanceof Map<?, ?> printed) {
            printed.forEach((k, v) -> model.put(String.valueOf(k), v));
        }
        // names the rows use for lists of keys, and for the files that were loaded
        for (String kind : List.of("service", "network", "volume", "secret", "config")) {
            if (model.get(kind + "s") instanceof Map<?, ?> m) {
                model.put(kind + " names", new ArrayList<>(m.keySet()));
            }
        }
        model.put("compose files used", result.files());
        for (String check : expected.split("; ")) {
            int eq = check.indexOf('=');
            String path = check.substring(0, eq);
            String want = check.substring(eq + 1).replace("<fixture>", fixture.toString());
            boolean len = path.startsWith("len(") && path.endsWith(")");
            if (len) {
                path = path.substring(4, path.length() - 1);
            }
            Object got = at(model, path);
            boolean ok;
            if (len) {
                int n = got instanceof Map<?, ?> mm ? mm.size()
                        : got instanceof List<?> l ? l.size() : got == null ? 0 : -1;
                ok = String.valueOf(n).equals(want);
            } else {
                ok = switch (want) {
                    case "<absent>", "<none>", "<unset: no value>" -> got == null;
                    case "<present>" -> got != null;
                    case "<empty>" -> got == null || "".equals(got)
                            || got instanceof Map<?, ?> mm && mm.isEmpty()
                            || got instanceof List<?> l && l.isEmpty();
                    default -> same(parsed(withoutComment(want)), got, fixture);
                };
            }
            if (!ok) {
                return new Outcome(false, path + ": expected " + want + ", got " + got, false);
            }
        }
        return new Outcome(true, "ok", true);
    }

    /** An expected value as YAML flow, or the text itself when it is not valid YAML. */
    private static Object parsed(String value) {
        try {
            return YAML.loadFromString(value);
        } catch (RuntimeException e) {
            return value;
        }
    }

    private static Object at(Object node, String path) {
        Matcher m = SEGMENT.matcher(path);
        Object cur = node;
        while (m.find() && cur != null) {
            if (m.group(1) != null) {
                cur = cur instanceof Map<?, ?> map ? map.get(m.group(1)) : null;
            } else {
                int i = Integer.parseInt(m.group(2));
                cur = cur instanceof List<?> l && i < l.size() ? l.get(i) : null;
            }
        }
        return cur;
    }

    /**
     * Equal as data, scalars compared by their text (compose prints ports as strings, ...).
     * Two differences of form are not differences of value: a path upstream wrote relative to
     * the fixture (its tests ran in that folder) equals the absolute path that
     * {@code config} prints; and extra_hosts, a map of host to addresses in compose-go's struct,
     * is printed as {@code host=address} entries, as compose does; and a boolean upstream
     * read as false from its struct is absent from the printed model (Go's omitempty).
     */
    private static boolean same(Object want, Object got, Path fixture) {
        if (got == null && Boolean.FALSE.equals(want)) {
            return true; // a Go bool left false is not printed (omitempty)
        }
        if (want instanceof Map<?, ?> w && got instanceof List<?> g && hostEntries(g)) {
            Map<String, List<String>> asMap = new LinkedHashMap<>();
            for (Object entry : g) {
                String e = String.valueOf(entry);
                int eq = e.indexOf('=');
                asMap.computeIfAbsent(e.substring(0, eq), k -> new ArrayList<>())
                        .add(e.substring(eq + 1));
            }
            return same(w, asMap, fixture);
        }
        if (want instanceof String w && got instanceof String g && !w.startsWith("/")
                && g.startsWith("/") && !w.isEmpty()) {
            return fixture.resolve(w).normalize().equals(Path.of(g).normalize());
        }
        if (want instanceof Map<?, ?> w) {
            if (!(got instanceof Map<?, ?> g) || w.size() != g.size()) {
                return false;
            }
            for (var e : w.entrySet()) {
                if (!same(e.getValue(), g.get(String.valueOf(e.getKey())), fixture)) {
                    return false;
                }
            }
            return true;
        }
        if (want instanceof List<?> w) {
            if (!(got instanceof List<?> g) || w.size() != g.size()) {
                return false;
            }
            for (int i = 0; i < w.size(); i++) {
                if (!same(w.get(i), g.get(i), fixture)) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(String.valueOf(want), String.valueOf(got));
    }

    /** {@code [a, b] (found by lookup)}: the list, without the words after it. */
    private static String withoutComment(String want) {
        return want.startsWith("[") && want.contains("] (") && want.endsWith(")")
                ? want.substring(0, want.indexOf("] (") + 1) : want;
    }

    private static boolean hostEntries(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(e -> e instanceof String t
                && t.indexOf('=') > 0);
    }

    // --- known failures and the report ----------------------------------------------------------

    private static Map<String, String> known() throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (Files.exists(KNOWN)) {
            for (String line : Files.readAllLines(KNOWN)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] c = line.split("\t", 2);
                    out.put(c[0], c.length > 1 ? c[1] : "");
                }
            }
        }
        return out;
    }

    private static void writeKnown(List<Row> rows, Map<String, Outcome> results)
            throws IOException {
        StringBuilder sb = new StringBuilder("""
                # Conformance rows jcompose does not meet yet (ConformanceTest), with what
                # jcompose did instead. A fix makes its row pass: then remove the row here.
                """);
        for (Row row : rows) {
            Outcome o = results.get(row.id());
            if (!o.pass()) {
                sb.append(row.id()).append('\t').append(row.kind()).append(": ")
                        .append(o.detail().replace('\t', ' ')).append('\n');
            }
        }
        Files.createDirectories(KNOWN.getParent());
        Files.writeString(KNOWN, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void report(List<Row> rows, Map<String, Outcome> results) throws IOException {
        Map<String, int[]> byGroup = new TreeMap<>();
        int pass = 0;
        int errors = 0;
        int worded = 0;
        for (Row row : rows) {
            Outcome o = results.get(row.id());
            int[] g = byGroup.computeIfAbsent(row.group() + " / " + row.kind(), k -> new int[2]);
            g[1]++;
            if (o.pass()) {
                g[0]++;
                pass++;
                if (row.kind().startsWith("error")) {
                    errors++;
                    worded += o.wordingMatches() ? 1 : 0;
                }
            }
        }
        StringBuilder sb = new StringBuilder("# Conformance: config-level rows\n\n");
        sb.append(pass).append(" of ").append(rows.size()).append(" rows pass. Of the ")
                .append(errors).append(" refused-as-expected rows, ").append(worded)
                .append(" also use upstream's wording.\n\n| group / kind | pass | rows |\n"
                        + "|---|---:|---:|\n");
        byGroup.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v[0])
                .append(" | ").append(v[1]).append(" |\n"));
        sb.append("\n| row | kind | result | detail |\n|---|---|---|---|\n");
        for (Row row : rows) {
            Outcome o = results.get(row.id());
            sb.append("| ").append(row.id()).append(" | ").append(row.kind()).append(" | ")
                    .append(o.pass() ? "pass" : "FAIL").append(" | ")
                    .append(o.detail().replace("|", "\\|")).append(" |\n");
        }
        Path out = REPO.resolve("cli/target/conformance-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
    }
}
