package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * compose v2 (Debian trixie's docker-compose 2.26.1) as an oracle over the whole conformance
 * corpus: for every config-level row of {@code expectations.tsv} (its files, variables, global
 * flags and service) and for every compose file of {@code fixtures/} loaded alone in its
 * folder, {@code config --format json} of jcompose and of compose v2 are compared field by
 * field ({@link ModelDiff}). Both refusing is agreement; one refusing is a difference.
 *
 * <p>Each difference must be fixed or listed in {@code conformance/compose-v2-differences.tsv}
 * with why; a listed input that now agrees fails the test too, so the list only shrinks (as
 * {@code known-failures.tsv}). {@code -Doracle.update=true} rewrites the list's differences,
 * keeping the reasons already written. The row-by-row result goes to
 * {@code target/compose-v2-oracle.md}.
 */
class ComposeV2OracleTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path CORPUS = realPath(ConformanceTest.corpus());
    private static final Path KNOWN = REPO.resolve(
            "cli/src/test/resources/conformance/compose-v2-differences.tsv");
    private static final Pattern CONFIG_COMMAND = Pattern.compile(
            "^((?:(?:-p|--profile|--project-directory|--env-file) \\S+ )*)config( \\w+)?"
                    + "( \\(run in this folder(?:, no -f)?\\))?$");

    /** One comparison: an id, the folder it runs in, and the command-line arguments. */
    record Input(String id, Path dir, List<String> args, Map<String, String> env) { }

    /** A run's outcome: exit code, stdout, stderr. */
    record Run(int code, String out, String err) { }

    /** The corpus without symbolic links, as compose v2 (Go's getcwd) prints its paths. */
    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    static Path composeV2() {
        String given = System.getProperty("compose.v2", System.getenv("COMPOSE_V2"));
        Path p = given != null ? Path.of(given) : Path.of(System.getProperty("user.home"),
                ".cache/jcompose-tools/trixie/docker-compose/usr/libexec/docker/cli-plugins/"
                        + "docker-compose");
        if (!Files.isExecutable(p)) {
            fail("compose v2 is not at " + p + ": run scripts/compose-v2.sh (it unpacks Debian "
                    + "trixie's docker-compose, without installing it), or set COMPOSE_V2");
        }
        return p;
    }

    @Test
    void jcomposeAndComposeV2PrintTheSameModels() throws Exception {
        Path v2 = composeV2();
        assertTrue(Files.isRegularFile(CORPUS.resolve("expectations.tsv")),
                "the conformance corpus is not at " + CORPUS + " (set -Dconformance.dir=...)");
        List<Input> inputs = inputs();
        Map<String, String> results = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Run>> theirs = new ArrayList<>();
            for (Input in : inputs) {
                theirs.add(pool.submit(() -> composeV2(v2, in)));
            }
            for (int i = 0; i < inputs.size(); i++) {
                Input in = inputs.get(i);
                Run ours = jcompose(in);
                results.put(in.id(), ModelDiff.compare(ours, theirs.get(i).get(10,
                        TimeUnit.MINUTES), in.dir()));
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, String[]> known = KnownDifferences.read(KNOWN);
        report(inputs.size(), results, known);
        if (Boolean.getBoolean("oracle.update")) {
            KnownDifferences.write(KNOWN, results, known);
            return;
        }
        List<String> unlisted = new ArrayList<>();
        List<String> agreeing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        results.forEach((id, diff) -> {
            String[] listed = known.get(id);
            if (!diff.isEmpty() && listed == null) {
                unlisted.add(id + ": " + diff);
            } else if (diff.isEmpty() && listed != null) {
                agreeing.add(id);
            } else if (listed != null && !sameDifference(listed[0], diff)) {
                changed.add(id + ": now " + diff + "\n    listed " + listed[0]);
            }
        });
        assertTrue(unlisted.isEmpty(), unlisted.size() + " inputs differ from compose v2 "
                + "(fix them, or list them with why in " + KNOWN + "):\n"
                + String.join("\n", unlisted));
        assertTrue(changed.isEmpty(), "listed differences that changed:\n"
                + String.join("\n", changed));
        assertTrue(agreeing.isEmpty(), "inputs that now agree with compose v2: remove them "
                + "from " + KNOWN + ": " + agreeing);
        List<String> unexplained = known.entrySet().stream()
                .filter(e -> KnownDifferences.NO_REASON.equals(e.getValue()[1]))
                .map(Map.Entry::getKey).toList();
        assertTrue(unexplained.isEmpty(), "listed differences without a reason (write why in "
                + KNOWN + "): " + unexplained);
    }

    /**
     * Whether a listed difference is still the one found. A refusal is the same whatever its
     * words: compose v2 names the first of several unknown keys in Go's map order, which
     * changes from run to run.
     */
    private static boolean sameDifference(String listed, String found) {
        for (String refusal : List.of("compose v2 refuses", "jcompose refuses")) {
            if (listed.startsWith(refusal) && found.startsWith(refusal)) {
                return true;
            }
        }
        return listed.equals(found);
    }

    /** The config rows of the corpus, then every compose file alone. */
    private static List<Input> inputs() throws IOException {
        List<Input> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(CORPUS.resolve("expectations.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            Matcher m = CONFIG_COMMAND.matcher(c[5]);
            if (!List.of("ok", "error", "error-exact", "fields").contains(c[6])
                    || !m.matches()) {
                continue;
            }
            Map<String, String> env = new LinkedHashMap<>();
            if (!c[4].isEmpty()) {
                for (String kv : c[4].split(";")) {
                    int eq = kv.indexOf('=');
                    env.put(kv.substring(0, eq), kv.substring(eq + 1).replace("\\n", "\n")
                            .replace("\\t", "\t").replace("\\\\", "\\"));
                }
            }
            List<String> args = new ArrayList<>();
            if (!c[5].contains("no -f") && !c[3].isEmpty()) {
                for (String f : c[3].split(",")) {
                    args.add("-f");
                    args.add(f);
                }
            }
            if (!m.group(1).isBlank()) {
                args.addAll(Arrays.asList(m.group(1).trim().split(" ")));
            }
            args.addAll(List.of("config", "--format", "json"));
            if (m.group(2) != null) {
                args.add(m.group(2).trim());
            }
            out.add(new Input(c[0], CORPUS.resolve(c[2]), args, env));
        }
        java.util.Set<List<Object>> seen = new java.util.HashSet<>();
        out.removeIf(in -> !seen.add(List.of(in.dir(), in.args(), in.env())));
        try (Stream<Path> walk = Files.walk(CORPUS.resolve("fixtures"))) {
            for (Path p : walk.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted()
                    .toList()) {
                Input in = new Input("file:" + CORPUS.relativize(p), p.getParent(),
                        List.of("-f", p.getFileName().toString(), "config", "--format", "json"),
                        Map.of());
                if (seen.add(List.of(in.dir(), in.args(), in.env()))) {
                    out.add(in);
                }
            }
        }
        return out;
    }

    private static Map<String, String> environment(Input in) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        env.putAll(in.env());
        return env;
    }

    private static Run jcompose(Input in) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), environment(in), in.dir(), false, false);
        int code = Main.run(console, in.args().toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * compose v2's run; one that ends without a word (killed on a loaded machine) is run once
     * more, so that only its own refusals count.
     */
    private static Run composeV2(Path v2, Input in) throws IOException, InterruptedException {
        Run run = composeV2Once(v2, in);
        return run.code() != 0 && run.err().isBlank() ? composeV2Once(v2, in) : run;
    }

    private static Run composeV2Once(Path v2, Input in) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(v2.toString());
        command.addAll(in.args());
        ProcessBuilder pb = new ProcessBuilder(command).directory(in.dir().toFile());
        pb.environment().clear();
        pb.environment().putAll(environment(in));
        // config needs no engine; a socket that is not there keeps it from asking one
        pb.environment().put("DOCKER_HOST", "unix:///nonexistent/docker.sock");
        Path out = Files.createTempFile("compose-v2", ".out");
        Path err = Files.createTempFile("compose-v2", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            // compose v2 takes 5-8 s of CPU on the alias-heavy snippets; how fast it is on a
            // loaded machine is not a behaviour to compare, so the limit only catches a hang
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Run(124, "", "compose v2 did not answer in 120 s");
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void report(int n, Map<String, String> results, Map<String, String[]> known)
            throws IOException {
        long same = results.values().stream().filter(String::isEmpty).count();
        StringBuilder sb = new StringBuilder("# jcompose and compose v2: config --format json\n\n")
                .append(n).append(" inputs, ").append(same).append(" agree, ")
                .append(n - same).append(" differ (listed with why in ")
                .append(REPO.relativize(KNOWN)).append(").\n\n| input | difference | why |\n"
                        + "|---|---|---|\n");
        results.forEach((id, diff) -> {
            if (!diff.isEmpty()) {
                String[] listed = known.get(id);
                sb.append("| ").append(id).append(" | ").append(diff.replace("|", "\\|"))
                        .append(" | ").append(listed == null ? "NOT LISTED" : listed[1])
                        .append(" |\n");
            }
        });
        Path out = REPO.resolve("cli/target/compose-v2-oracle.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb, StandardCharsets.UTF_8);
    }
}
