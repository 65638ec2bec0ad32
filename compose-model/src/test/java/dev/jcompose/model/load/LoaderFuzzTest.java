package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer over the whole loader, the conformance corpus's compose files as
 * seeds. Each mutant is loaded as a compose file of its seed's folder (so its includes, extends
 * and env files resolve), or written to a file first (so byte-level damage reaches the reader);
 * a loaded project is printed as {@code config} prints it. The invariant, for every mutant:
 * the load succeeds, or fails with {@link ComposeFileException} whose every problem names a file
 * and a line; never another exception or error; never more than {@link LoadBudget#CPU} of CPU
 * or a hang; never more than 256 MB of heap (this class runs in its own JVM with
 * {@code -Xmx256m}, see the pom, so going past it is an OutOfMemoryError, which fails here).
 *
 * <p>It runs for {@code -Dfuzz.seconds} (default 90); mutant {@code i} is made from seed
 * {@code fuzz.seed + i} alone, so a failure names the seed that reproduces it
 * ({@code -Dfuzz.seed=N -Dfuzz.seconds=1}) and writes the input to
 * {@code target/fuzz-crashers/}: put it under {@code src/test/resources/fuzz/regressions/}, which
 * {@link #everyRegressionStaysFixed} loads on every build. The counts of mutants by outcome go to
 * {@code target/fuzz-report.md}.
 */
class LoaderFuzzTest {

    private static final long BASE_SEED = Long.getLong("fuzz.seed", 20261206L);
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("fuzz.seconds", 90));
    private static final int MAX_MUTANT = 1024 * 1024;
    private static final Path REGRESSIONS = Path.of("src/test/resources/fuzz/regressions");

    @TempDir
    static Path scratch;

    /** A seed file: its text, and the folder it was in. */
    record Seed(Path dir, String text) { }

    private static List<Seed> seeds() throws IOException {
        Path corpus = CorpusCasesTest.corpus();
        assertTrue(Files.isDirectory(corpus.resolve("fixtures")), "the conformance corpus is "
                + "not at " + corpus + " (set -Dconformance.dir=...)");
        List<Seed> seeds = new ArrayList<>();
        for (Path p : CorpusFiles.yamlFiles()) {
            if (Files.size(p) < MAX_MUTANT) {
                seeds.add(new Seed(p.getParent(), Files.readString(p)));
            }
        }
        assertTrue(seeds.size() > 800, seeds.size() + " seeds in " + corpus);
        return seeds;
    }

    @Test
    void mutantsOfTheCorpusLoadOrAreRefusedWithALine() throws IOException {
        List<Seed> seeds = seeds();
        Mutator mutator = new Mutator(seeds, hostileTokens());
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + DURATION.toNanos();
        int run = 0;
        Duration slowest = Duration.ZERO;
        Duration cpu = Duration.ZERO;
        while (System.nanoTime() < deadline && failures.size() < 5) {
            long seed = BASE_SEED + run++;
            Mutator.Mutant mutant = mutator.mutant(new Random(seed));
            Verdict v = check(mutant, "seed " + seed);
            outcomes.merge(v.outcome(), 1, Integer::sum);
            cpu = cpu.plus(v.cpu());
            if (v.cpu().compareTo(slowest) > 0) {
                slowest = v.cpu();
            }
            if (v.failure() != null) {
                failures.add("seed " + seed + ": " + v.failure() + " (input in "
                        + keep(seed, mutant) + ")");
            }
        }
        report(run, outcomes, slowest, cpu);
        assertTrue(failures.isEmpty(), failures.size() + " of " + run + " mutants broke the "
                + "invariant:\n" + String.join("\n", failures));
        assertTrue(outcomes.getOrDefault("loaded", 0) > run / 40, "too few mutants load ("
                + outcomes + "): the mutations no longer reach the later stages");
    }

    @Test
    void everyRegressionStaysFixed() throws IOException {
        List<String> failures = new ArrayList<>();
        int n = 0;
        try (Stream<Path> files = Files.list(REGRESSIONS)) {
            for (Path file : files.sorted().toList()) {
                Verdict v = check(new Mutator.Mutant(REGRESSIONS.toAbsolutePath(), null,
                        Files.readAllBytes(file)), file.getFileName().toString());
                n++;
                if (v.failure() != null) {
                    failures.add(file.getFileName() + ": " + v.failure());
                }
            }
        }
        assertTrue(n > 10, n + " regression inputs in " + REGRESSIONS);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** A mutant's outcome class, its CPU time, and what broke the invariant, if anything. */
    record Verdict(String outcome, Duration cpu, String failure) { }

    private static Verdict check(Mutator.Mutant mutant, String what) {
        LoadBudget.Outcome<String> o = LoadBudget.measure(() -> load(mutant), what);
        if (o.thrown() instanceof LoadBudget.Hang hang) {
            return new Verdict("hung", o.cpu(), hang.getMessage());
        }
        if (o.cpu().compareTo(LoadBudget.CPU) > 0) {
            return new Verdict("over time", o.cpu(), "took " + o.cpu().toMillis()
                    + " ms of CPU");
        }
        if (o.thrown() == null) {
            return new Verdict("loaded", o.cpu(), null);
        }
        if (o.thrown() instanceof ComposeFileException e) {
            for (Problem p : e.problems()) {
                if (!p.mark().isKnown() || p.mark().file().isEmpty()) {
                    return new Verdict("refused without a line", o.cpu(), "no file:line in \""
                            + p + "\"");
                }
            }
            return new Verdict("refused: " + Outcomes.category(e.problems().get(0)), o.cpu(),
                    null);
        }
        return new Verdict("escaped as " + o.thrown().getClass().getSimpleName(), o.cpu(),
                "escaped as " + stack(o.thrown()));
    }

    /** Loads the mutant as compose.yaml of its folder, then prints it as config does. */
    private static String load(Mutator.Mutant mutant) throws IOException {
        LoadOptions.Builder options = LoadOptions.builder().workingDir(mutant.dir())
                .processEnv(Map.of("HOME", "/root")).warnings(p -> { });
        if (mutant.bytes() != null) {
            Path file = Files.createTempFile(scratch, "mutant", ".yaml");
            Files.write(file, mutant.bytes());
            options.workingDir(mutant.dir()).projectDirectory(mutant.dir()).file(file);
        } else {
            options.source(new ConfigSource(mutant.dir().resolve("compose.yaml"),
                    mutant.text()));
        }
        Project project = ComposeLoader.load(options.build());
        return ModelPrinter.yaml(project).length() + ModelPrinter.json(project);
    }

    private static String stack(Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString());
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < Math.min(6, trace.length); i++) {
            sb.append("\n    at ").append(trace[i]);
        }
        return sb.toString();
    }

    private static Path keep(long seed, Mutator.Mutant mutant) {
        try {
            Path dir = Path.of("target/fuzz-crashers");
            Files.createDirectories(dir);
            Path file = dir.resolve("seed-" + seed + ".yaml");
            Files.write(file, mutant.bytes() != null ? mutant.bytes()
                    : mutant.text().getBytes(StandardCharsets.UTF_8));
            return file.toAbsolutePath();
        } catch (IOException e) {
            return Path.of("(not written: " + e.getMessage() + ")");
        }
    }

    /** Values that once broke the loader, and references to files that are not files. */
    private static List<String> hostileTokens() throws IOException {
        Path fifo = scratch.resolve("fifo");
        try {
            new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.createDirectories(scratch.resolve("dir"));
        return List.of("/dev/zero", "/dev/null", "/dev/urandom", fifo.toString(),
                scratch.resolve("dir").toString(), "9".repeat(5000), "-1", "0x" + "f".repeat(40),
                "1e400", "a-b", "\"bad image\"", "\"a{b\"", ":z", ":Z,ro", ":nocopy,foo",
                "${X:-${Y:-${Z}}}", "${X?err}", "$$", "${", "!reset", "!override", "!!int",
                "&a", "*a", "<<: *a", "~", "\"\"", "{}", "[]", "null", "\u0000", "\u0001",
                "\u00ff\u00fe", "\u00c3(", "\t", "version: \"3\"\n", "include: [/dev/zero]\n",
                "extends: {file: /dev/zero, service: a}", "env_file: [/dev/zero]",
                "replicas: -1", "scale: -1", "expose: [\"a-b\"]", "image: \"x y\"");
    }

    private static void report(int run, Map<String, Integer> outcomes, Duration slowest,
            Duration cpu) throws IOException {
        StringBuilder sb = new StringBuilder("# Loader fuzzing\n\n").append(run)
                .append(" mutants in ").append(DURATION.toSeconds()).append(" s (seeds from ")
                .append(BASE_SEED).append("), ").append(cpu.toMillis()).append(" ms of CPU in "
                        + "all, the slowest ").append(slowest.toMillis())
                .append(" ms.\n\n| outcome | mutants |\n|---|---:|\n");
        outcomes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue()
                .reversed()).forEach(e -> sb.append("| ").append(e.getKey().replace("|", "\\|"))
                .append(" | ").append(e.getValue()).append(" |\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fuzz-report.md"), sb);
        System.out.println(sb);
    }
}
