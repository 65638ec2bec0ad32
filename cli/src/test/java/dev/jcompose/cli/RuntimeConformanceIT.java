package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import dev.jcompose.planner.fake.BaseImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * docker/compose's own end-to-end scenarios (conformance group compose-e2e-scenarios), step by
 * step on the real engine: the lifecycle commands (up/down, depends_on and health, wait, scale,
 * recreate, orphans, run, exec, start/stop/restart/pause, logs, ps), hooks, environment and env
 * files, profiles, config, secrets and configs, networks and IPC. Build, pull and publish
 * scenarios are covered by our own ITs (they need registries and BuildKit). Images the fixtures
 * pull (alpine, busybox, nginx) are stood in for by local images built on the base image.
 *
 * <p>Every scenario must pass unless {@code conformance/runtime-known-failures.tsv} lists it
 * with what jcompose does instead; a listed scenario that passes fails the suite, so the list
 * only shrinks.
 */
class RuntimeConformanceIT {

    private static final Path CORPUS = ConformanceTest.corpus();

    /** The scenarios in scope. */
    private static final Set<String> IN_SCOPE = Set.of(
            "TestCascadeFail", "TestCascadeStop", "TestComposeRun", "TestComposeRunDeps",
            "TestComposeRunNotRequiredDeps", "TestComposeRunPorts", "TestExec",
            "TestInitContainer", "TestLocalComposeExec", "TestLocalComposeExecOneOff",
            "TestLocalComposeLogs", "TestNoDepsNetworkMode", "TestNoDepsVolumeFrom", "TestPause",
            "TestPauseServiceAlreadyPaused", "TestPauseServiceDoesNotExist",
            "TestPauseServiceNotRunning", "TestPortRange", "TestRecreateWithNoDeps",
            "TestRemoveOrphaned", "TestRemoveOrphans", "TestRestart", "TestRm",
            "TestScaleBasicCases", "TestScaleDoesntRecreate", "TestScaleDownNoRecreate",
            "TestScaleDownRemovesObsolete", "TestScaleUpAndDownPreserveContainerNumber",
            "TestScaleWithDepsCases", "TestStartInterval", "TestStartSingleServiceAndDependency",
            "TestStartStop", "TestStartStopWithDependencies", "TestStartStopWithOneOffs",
            "TestStdoutStderr", "TestStopWithDependenciesAttached", "TestUnnecessaryResources",
            "TestUpContainerNameConflict", "TestUpExitCodeFrom",
            "TestUpExitCodeFromContainerKilled", "TestUpNoDeps", "TestUpRecreateVolumes",
            "TestUpRecreateVolumesIgnoreBinds", "TestUpServiceUnhealthy",
            "TestUpStopWithLogsMixed", "TestUpSwitchVolumes", "TestUpWait", "TestUpWaitTimeout",
            "TestUpWithDependencyExit", "TestUpWithDependencyNotRequired", "TestWaitAndDrop",
            "TestWaitOnFaster", "TestWaitOnSlower", "TestNetworkAliases", "TestNetworkLinks",
            "TestUpWithAllResources", "TestPreStartHookSuccess", "TestPreStartHookInError",
            "TestPreStartHookBuildInheritance", "TestPreStartHookIdempotentReUp",
            "TestPreStartHookReRunOnSpecChange", "TestPreStartHookForceRecreate",
            "TestPreStartHookMidSequenceFailure", "TestPreStartHookSequentialOrder",
            "TestPreStartHookNotReRunOnScaleUp", "TestPreStartHookRunsOnceForScaledService",
            "TestPostStartAndPreStopHook", "TestPostStartHookInError", "TestPostStartHookSuccess",
            "TestPreStopHookInError", "TestPreStopHookSuccess",
            "TestPreStopHookSuccessWithPreviousStop", "TestEnvInterpolation",
            "TestEnvInterpolationDefaultValue", "TestEnvPriority", "TestEnvPriorityComposeEnvFile",
            "TestEnvPriorityComposeEnvironment", "TestUnsetEnv", "TestRawEnvFile",
            "TestCommentsInEnvFile", "TestRunEnvFile", "TestActiveProfileViaTargetedService",
            "TestDotEnvProfileUsage", "TestExplicitProfileUsage", "TestNoProfileUsage",
            "TestUpProfile", "TestConfig", "TestConfigFromEnv", "TestConfigInterpolate",
            "TestLocalComposeConfig", "TestLocalComposeConfigNoConsistency", "TestComposeModel",
            "TestIPC", "TestNetworkModes", "TestMacAddress", "TestInterfaceName", "TestIPAMConfig",
            "TestExposeRange", "TestNetworkConfigChanged", "TestSecretFromEnv",
            "TestSecretFromInclude", "TestPsHonorsPsFormat", "TestLoggingDriver", "TestUpImageID",
            "TestImagesAfterImageRemoved", "TestUpDryRunMissingImage", "TestCompatibility");

    /** Images the fixtures name that the local base image stands in for. */
    private static final Pattern STAND_IN =
            Pattern.compile("(alpine|busybox|bash|nginx)(:[\\w.-]+)?");

    private static final int STEP_TIMEOUT_SECONDS = 90;
    private static final String STAND_IN_IMAGE = "jcompose/alpine-stand-in:latest";
    /**
     * nginx as the fixtures use it: a web server on port 80 whose page says "Welcome to
     * nginx!" (busybox httpd), in an image that has curl (busybox wget). What those scenarios
     * test is how the containers reach each other (aliases, links), which is real here.
     */
    private static final String NGINX_STAND_IN = "jcompose/nginx-stand-in:latest";
    private static final String STAND_IN_LABEL = "dev.jcompose.stand-in";
    private static final List<String> tagged = new ArrayList<>();
    private static final Map<String, Boolean> outcomes = new ConcurrentHashMap<>();
    private static int rows;

    /** One step: a command and what must hold after it. */
    record Step(String id, String fixture, String env, String command, String expected) { }

    /** The scenarios' project and image names are fixed: one run per engine at a time. */
    private static EngineLock engineLock;

    @BeforeAll
    static void images() throws IOException {
        assertTrue(Files.isRegularFile(CORPUS.resolve("expectations.tsv")),
                "the conformance corpus is not at " + CORPUS + " (it lives beside the "
                        + "repository, or give -Dconformance.dir=...)");
        engineLock = EngineLock.acquire("runtime-conformance");
        BaseImage.ensure();
        Set<String> wanted = new TreeSet<>();
        for (List<Step> steps : scenarios().values()) {
            Path dir = CORPUS.resolve(steps.get(0).fixture());
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().matches(".*\\.ya?ml$")).toList()) {
                    Matcher m = Pattern.compile("image:\\s*['\"]?([\\w./:-]+)")
                            .matcher(Files.readString(f));
                    while (m.find()) {
                        if (STAND_IN.matcher(m.group(1)).matches()) {
                            wanted.add(m.group(1).contains(":") ? m.group(1)
                                    : m.group(1) + ":latest");
                        }
                    }
                }
            }
        }
        // the base image with busybox's applets also where alpine has them (/usr/bin/env)
        build(STAND_IN_IMAGE, "FROM " + BaseImage.NAME + "\n"
                + "RUN mkdir -p /usr/bin /usr/sbin /sbin /usr/local/bin /var && (/bin/busybox "
                + "--install -s 2>/dev/null || true) && rm -rf /var/run && ln -s /run /var/run\n"
                // bash scripts of the fixtures are plain sh; busybox has no bash applet
                + "RUN printf '#!/bin/sh\\nexec /bin/sh \"$@\"\\n' > /usr/local/bin/bash "
                + "&& chmod 755 /usr/local/bin/bash && ln -sf /usr/local/bin/bash /bin/bash\n"
                // alpine has printenv; busybox has not
                + "RUN printf '#!/bin/sh\\n[ $# -eq 0 ] && exec env\\nrc=0\\nfor v; do "
                + "if env | grep -q \"^$v=\"; then env | sed -n \"s/^$v=//p\"; else rc=1; fi; "
                + "done\\nexit $rc\\n' > /usr/bin/printenv && chmod 755 /usr/bin/printenv\n"
                // alpine's search path (fixtures install tools in /usr/local/bin)
                + "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n");
        build(NGINX_STAND_IN, "FROM " + BaseImage.NAME + "\n"
                + "RUN mkdir -p /www && echo '<h1>Welcome to nginx!</h1>' > /www/index.html "
                + "&& printf '#!/bin/sh\\nexec wget -q -O - \"$@\"\\n' > /bin/curl "
                + "&& chmod 755 /bin/curl\n"
                + "EXPOSE 80\n"
                + "CMD [\"httpd\", \"-f\", \"-p\", \"80\", \"-h\", \"/www\"]\n");
        try (DockerClient docker = Cleanup.docker()) {
            for (String ref : wanted) {
                boolean present;
                try {
                    var labels = docker.inspectImageCmd(ref).exec().getConfig().getLabels();
                    present = labels == null || !labels.containsKey(STAND_IN_LABEL);
                } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                    present = false;
                }
                if (!present) {
                    int colon = ref.lastIndexOf(':');
                    docker.tagImageCmd(ref.startsWith("nginx") ? NGINX_STAND_IN : STAND_IN_IMAGE,
                            ref.substring(0, colon),
                            ref.substring(colon + 1)).exec();
                    tagged.add(ref);
                }
            }
        }
    }

    private static void build(String tag, String dockerfile) throws IOException {
        Process build = new ProcessBuilder("docker", "build", "-q", "-t", tag, "-")
                .redirectErrorStream(true).start();
        // labelled, so a tag a crashed run left behind is recognised and replaced
        build.getOutputStream().write((dockerfile + "LABEL " + STAND_IN_LABEL + "=true\n")
                .getBytes(StandardCharsets.UTF_8));
        build.getOutputStream().close();
        String built = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertTrue(build.waitFor(120, TimeUnit.SECONDS) && build.exitValue() == 0, built);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @AfterAll
    static void untagAndReport() {
        try (EngineLock held = engineLock; DockerClient docker = Cleanup.docker()) {
            List<String> remove = new ArrayList<>(tagged);
            if (!tagged.isEmpty() || outcomes.size() > 0) {
                remove.add(STAND_IN_IMAGE);
                remove.add(NGINX_STAND_IN);
            }
            for (String ref : remove) {
                try {
                    docker.removeImageCmd(ref).withNoPrune(true).exec();
                } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                    // a step removed it (docker rmi)
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long passed = outcomes.values().stream().filter(b -> b).count();
        System.out.printf("runtime conformance: %d of %d scenarios pass (%d steps)%n", passed,
                outcomes.size(), rows);
    }

    /** The in-scope scenarios, each its steps in order, by test name. */
    static Map<String, List<Step>> scenarios() throws IOException {
        Map<String, List<Step>> out = new TreeMap<>();
        Pattern ref = Pattern.compile("(Test\\w+) step (\\d+)$");
        List<String> lines = Files.readAllLines(CORPUS.resolve("expectations.tsv"));
        Map<String, Map<Integer, Step>> byTest = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            if (!c[1].equals("compose-e2e-scenarios")) {
                continue;
            }
            Matcher m = ref.matcher(c[9]);
            if (!m.find() || !IN_SCOPE.contains(m.group(1))) {
                continue;
            }
            byTest.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                    .put(Integer.parseInt(m.group(2)), new Step(c[0], c[2], c[4], c[5], c[7]));
        }
        // -Dconformance.only=TestA,TestB runs just those (while working on them), and
        // -Dconformance.only=@FILE those a file of conformance/ names (an engine's subset)
        List<String> only = only();
        for (String test : only) {
            assertTrue(byTest.containsKey(test), "conformance.only names " + test
                    + ", which is not an in-scope scenario");
        }
        byTest.forEach((test, steps) -> {
            if (only.isEmpty() || only.contains(test)) {
                out.put(test, new ArrayList<>(steps.values()));
            }
        });
        return out;
    }

    private static List<String> only() throws IOException {
        String only = System.getProperty("conformance.only", "");
        if (!only.startsWith("@")) {
            return only.isEmpty() ? List.of() : List.of(only.split(","));
        }
        List<String> out = new ArrayList<>();
        for (String[] row : rows("/conformance/" + only.substring(1), 2)) {
            out.add(row[0].strip());
        }
        assertTrue(!out.isEmpty(), "no scenarios in conformance/" + only.substring(1));
        return out;
    }

    /**
     * The scenarios jcompose does not pass on the engine the tests run against: those of
     * {@code runtime-known-failures.tsv} on every engine, and those of
     * {@code runtime-known-failures-by-engine.tsv} whose engine condition holds.
     */
    static Map<String, String> knownFailures() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String[] c : rows("/conformance/runtime-known-failures.tsv", 2)) {
            out.put(c[0], c.length > 1 ? c[1] : "");
        }
        EngineCondition engine = EngineCondition.current();
        for (String[] c : rows("/conformance/runtime-known-failures-by-engine.tsv", 3)) {
            if (engine.holds(c[1])) {
                out.put(c[0], c[2]);
            }
        }
        return out;
    }

    private static List<String[]> rows(String resource, int columns) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = RuntimeConformanceIT.class.getResourceAsStream(resource)) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t", columns));
                }
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> scenariosPassOrAreKnownFailures() throws IOException {
        Map<String, String> known = knownFailures();
        Map<String, List<Step>> all = scenarios();
        boolean subset = !System.getProperty("conformance.only", "").isEmpty();
        assertTrue(subset || all.size() >= 50, "in-scope scenarios found: " + all.keySet());
        for (String k : subset ? List.<String>of() : known.keySet()) {
            assertTrue(all.containsKey(k), "runtime-known-failures.tsv names " + k
                    + ", which is not an in-scope scenario");
        }
        return all.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            rows += e.getValue().size();
            String failure = run(e.getValue());
            outcomes.put(e.getKey(), failure == null);
            if (known.containsKey(e.getKey())) {
                assertTrue(failure != null, e.getKey() + " passes now: remove it from "
                        + "runtime-known-failures.tsv");
            } else if (failure != null) {
                fail(e.getKey() + ": " + failure);
            }
        }));
    }

    // --- running a scenario ------------------------------------------------------------------

    /** Runs the steps; null when every expectation held, else what failed first. */
    private static String run(List<Step> steps) throws Exception {
        Path dir = Files.createTempDirectory("jc-e2e-");
        copy(CORPUS.resolve(steps.get(0).fixture()), dir);
        Set<String> projects = new TreeSet<>();
        Set<String> danglingBefore = danglingVolumes();
        Map<String, String> values = new TreeMap<>();
        String project = null;
        try {
            for (Step step : steps) {
                boolean probe = step.command().startsWith("<probeVolume(");
                List<String> args = probe ? probeVolume(step.command(), project)
                        : tokens(fill(step.command(), dir, values));
                int p = args.indexOf("-p");
                if (p >= 0 && args.get(0).equals("compose")) {
                    project = args.get(p + 1);
                    projects.add(project);
                }
                Map<String, String> env = env(fill(step.env(), dir, values));
                Map<String, List<String>> before = project == null ? Map.of()
                        : containerIds(project);
                Set<String> oneOffsBefore = project == null ? Set.of() : oneOffIds(project);
                CliRunner.Result r = probe ? probe(args) : execute(args, env, dir);
                if (System.getProperty("conformance.trace") != null) {
                    System.out.println("TRACE " + step.id() + " " + args + "\n" + r);
                }
                for (String expectation : split(step.expected())) {
                    String problem = check(fill(expectation, dir, values), r, project, before,
                            oneOffsBefore, dir);
                    if (problem != null) {
                        return step.id() + " `" + step.command() + "`: " + problem + "\n" + r;
                    }
                }
            }
            return null;
        } finally {
            for (String name : projects) {
                new CliRunner(dir).run("-p", name, "--progress", "quiet", "down", "-v",
                        "--remove-orphans", "-t", "0");
                Cleanup.project(name);
            }
            // anonymous volumes a step left behind (docker rm -f without -v, as upstream does)
            Set<String> left = danglingVolumes();
            left.removeAll(danglingBefore);
            try (DockerClient docker = Cleanup.docker()) {
                for (String v : left) {
                    if (v.matches("[0-9a-f]{64}")) {
                        docker.removeVolumeCmd(v).exec();
                    }
                }
            }
            // what the steps made under placeholder names (docker volume create <vol1>)
            for (String name : values.values()) {
                for (String kind : List.of("container", "volume", "network")) {
                    new ProcessBuilder("docker", kind, "rm", kind.equals("container") ? "-f"
                            : "--", name).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                }
            }
        }
    }

    private static CliRunner.Result execute(List<String> args, Map<String, String> env, Path dir)
            throws Exception {
        if (args.get(0).equals("compose")) {
            CliRunner cli = new CliRunner(dir);
            env.forEach(cli::env);
            CliRunner.Running running = cli.start(args.subList(1, args.size())
                    .toArray(String[]::new));
            try {
                return running.result().get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return new CliRunner.Result(-1, running.out().toString(),
                        running.err().toString() + "\n(still running after "
                                + STEP_TIMEOUT_SECONDS + " s)");
            }
        }
        Path out = Files.createTempFile("jc-e2e-out", ".txt");
        Path err = Files.createTempFile("jc-e2e-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(args).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process proc = pb.start();
            proc.getOutputStream().close();
            boolean ended = proc.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                proc.destroyForcibly().waitFor();
            }
            return new CliRunner.Result(ended ? proc.exitValue() : -1, Files.readString(out),
                    Files.readString(err) + (ended ? "" : "\n(still running after 60 s)"));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Runs a {@code docker run --rm -v VOLUME:/mnt IMAGE COMMAND...} of {@link #probeVolume}
     * through the Engine API: create, start, inspect until stopped, logs, remove (the docker
     * CLI's attach is not every engine's: Podman 4 refuses the CLI 28's).
     */
    private static CliRunner.Result probe(List<String> args) throws Exception {
        try (DockerClient docker = Cleanup.docker()) {
            String id = docker.createContainerCmd(args.get(5))
                    .withCmd(args.subList(6, args.size()))
                    .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig()
                            .withBinds(com.github.dockerjava.api.model.Bind.parse(args.get(4))))
                    .exec().getId();
            try {
                docker.startContainerCmd(id).exec();
                // inspected until it stopped: Podman 4.3 answers a wait 20 s late
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                var state = docker.inspectContainerCmd(id).exec().getState();
                while (Boolean.TRUE.equals(state.getRunning()) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                    state = docker.inspectContainerCmd(id).exec().getState();
                }
                int code = state.getExitCodeLong() == null ? -1
                        : state.getExitCodeLong().intValue();
                StringBuilder out = new StringBuilder();
                StringBuilder err = new StringBuilder();
                docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                        .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<
                                com.github.dockerjava.api.model.Frame>() {
                            @Override
                            public void onNext(com.github.dockerjava.api.model.Frame f) {
                                (f.getStreamType() == com.github.dockerjava.api.model.StreamType
                                        .STDERR ? err : out).append(new String(f.getPayload(),
                                        StandardCharsets.UTF_8));
                            }
                        }).awaitCompletion(60, TimeUnit.SECONDS);
                return new CliRunner.Result(code, out.toString(), err.toString());
            } finally {
                docker.removeContainerCmd(id).withForce(true).exec();
            }
        }
    }

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /**
     * {@code <probeVolume(s, "cat", "/mnt/f")>}: upstream's helper that runs a command in a
     * throwaway container with the project's {@code data} volume at {@code /mnt}.
     */
    static List<String> probeVolume(String command, String project) {
        List<String> args = new ArrayList<>(List.of("docker", "run", "--rm", "-v",
                project + "_data:/mnt", STAND_IN_IMAGE));
        Matcher m = QUOTED.matcher(command);
        while (m.find()) {
            args.add(m.group(1));
        }
        return args;
    }

    /**
     * The command's words. The corpus writes commands unquoted: the words after {@code sh -c}
     * are its one script, as upstream passed them.
     */
    static List<String> tokens(String command) {
        List<String> words = new ArrayList<>();
        for (String w : command.trim().split(" +")) {
            // a Go template ({{ index .Labels "foo" }}) is one argument
            int last = words.size() - 1;
            if (last >= 0 && words.get(last).startsWith("{{") && !words.get(last).endsWith("}}")) {
                words.set(last, words.get(last) + " " + w);
            } else {
                words.add(w);
            }
        }
        int c = words.indexOf("-c");
        if (c > 0 && words.get(c - 1).matches("(/bin/)?(ba)?sh") && c + 1 < words.size()) {
            String script = String.join(" ", words.subList(c + 1, words.size()));
            words = new ArrayList<>(words.subList(0, c + 1));
            words.add(script);
        }
        return words;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("<(\\w+)>");

    /**
     * The corpus's placeholders filled: {@code <dir>} is the scenario's folder; any other
     * ({@code <name>}, {@code <vol1>}) a name unique to this run, the same in every step.
     */
    static String fill(String text, Path dir, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group(1).equals("dir") ? dir.toString()
                    : values.computeIfAbsent(m.group(1), k -> "jc-" + k.toLowerCase() + "-"
                            + Long.toHexString(System.nanoTime() & 0xffffffL));
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        return m.appendTail(sb).toString();
    }

    private static Map<String, String> env(String spec) {
        Map<String, String> env = new LinkedHashMap<>();
        if (spec.isBlank()) {
            return env;
        }
        for (String kv : spec.split(";")) {
            int eq = kv.indexOf('=');
            env.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return env;
    }

    /** "A & B & C" at the top level (an & inside parentheses stays). */
    static List<String> split(String expected) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expected.length(); i++) {
            char ch = expected.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == '&' && depth == 0) {
                out.add(expected.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(expected.substring(start).trim());
        return out;
    }

    // --- expectations ---------------------------------------------------------------------------

    private static final Pattern CALL = Pattern.compile("(\\w+)\\((.*)\\)", Pattern.DOTALL);

    private static String check(String expectation, CliRunner.Result r, String project,
            Map<String, List<String>> before, Set<String> oneOffsBefore, Path dir)
            throws InterruptedException {
        if (expectation.equals("(may fail)")) {
            return null;
        }
        if (expectation.equals("(command succeeds)")) {
            return r.exitCode() == 0 ? null : "exit code " + r.exitCode();
        }
        Matcher m = CALL.matcher(expectation);
        if (!m.matches()) {
            return "unsupported expectation " + expectation;
        }
        String arg = m.group(2).replace("\\n", "\n").replace("<dir>", dir.toString());
        List<String> args = Arrays.stream(arg.split(",")).map(String::trim).toList();
        String output = r.out() + r.err();
        switch (m.group(1)) {
            case "OutputContains":
                return output.contains(arg) ? null : "output lacks \"" + arg + "\"";
            case "OutputNotContains":
                return !output.contains(arg) ? null : "output has \"" + arg + "\"";
            case "StdoutContains":
                return r.out().contains(arg) ? null : "stdout lacks \"" + arg + "\"";
            case "StderrContains":
                return r.err().contains(arg) ? null : "stderr lacks \"" + arg + "\"";
            case "OutputMatches":
                return Pattern.compile(arg).matcher(output).find() ? null
                        : "output does not match " + arg;
            case "ExitCode":
                return r.exitCode() == Integer.parseInt(arg) ? null
                        : "exit code " + r.exitCode() + ", expected " + arg;
            case "Eventually": {
                int comma = arg.lastIndexOf(',');
                long seconds = Long.parseLong(arg.substring(comma + 1).trim().replace("s", ""));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                String problem;
                do {
                    problem = check(arg.substring(0, comma).trim(), r, project, before,
                            oneOffsBefore, dir);
                    if (problem == null) {
                        return null;
                    }
                    Thread.sleep(200);
                } while (System.nanoTime() < deadline);
                return "not within " + seconds + " s: " + problem;
            }
            default:
                return checkContainers(m.group(1), args, project, before, oneOffsBefore);
        }
    }

    private static String checkContainers(String kind, List<String> args, String project,
            Map<String, List<String>> before, Set<String> oneOffsBefore) {
        List<Observed> all = containers(project);
        String service = args.get(0);
        List<Observed> of = all.stream().filter(c -> !oneOff(c))
                .filter(c -> service.equals(c.labels().get("com.docker.compose.service")))
                .toList();
        switch (kind) {
            case "ServiceState": {
                String want = args.get(1);
                if (of.isEmpty()) {
                    return "service " + service + " has no containers";
                }
                for (Observed c : of) {
                    if (!want.equals(c.state())) {
                        return "service " + service + " is " + c.state() + ", not " + want;
                    }
                }
                return null;
            }
            case "ServiceHealthy":
                return !of.isEmpty() && of.stream().allMatch(c -> "healthy".equals(c.health()))
                        ? null
                        : "service " + service + " is not healthy";
            case "ServiceNotCreated":
                return of.isEmpty() ? null : "service " + service + " has containers";
            case "ServiceScale":
                return of.size() == Integer.parseInt(args.get(1)) ? null
                        : "service " + service + " has " + of.size() + " containers";
            case "ReplicaNumbers": {
                Set<Integer> want = new TreeSet<>();
                args.subList(1, args.size()).forEach(n -> want.add(Integer.parseInt(n)));
                Set<Integer> have = new TreeSet<>();
                of.forEach(c -> have.add(Integer.parseInt(
                        c.labels().get("com.docker.compose.container-number"))));
                return want.equals(have) ? null
                        : "service " + service + " has replicas " + have + ", not " + want;
            }
            case "Recreated":
            case "NotRecreated": {
                Map<String, List<String>> now = ids(all);
                for (String s : args) {
                    boolean same = before.getOrDefault(s, List.of()).equals(now.get(s));
                    if (kind.equals("Recreated") == same) {
                        return "service " + s + (same ? " was not recreated" : " was recreated");
                    }
                }
                return null;
            }
            case "OneOffState": {
                List<Observed> runs = oneOffs(all, service);
                return !runs.isEmpty() && runs.stream().allMatch(c -> args.get(1)
                        .equals(c.state())) ? null : "one-off containers of " + service
                        + ": " + runs.stream().map(Observed::state).toList();
            }
            case "OneOffsRemoved":
                return oneOffs(all, service).isEmpty() ? null
                        : "one-off containers of " + service + " remain";
            case "OneOffsUntouched": {
                Set<String> now = new TreeSet<>();
                oneOffs(all, service).forEach(c -> now.add(c.id()));
                Set<String> was = new TreeSet<>(oneOffsBefore);
                return now.equals(was) ? null : "one-off containers of " + service
                        + " changed";
            }
            default:
                return "unsupported expectation " + kind;
        }
    }

    private static Set<String> danglingVolumes() throws IOException {
        try (DockerClient docker = Cleanup.docker()) {
            Set<String> out = new TreeSet<>();
            var volumes = docker.listVolumesCmd().withDanglingFilter(true).exec().getVolumes();
            if (volumes != null) {
                volumes.forEach(v -> out.add(v.getName()));
            }
            return out;
        }
    }

    private static boolean oneOff(Observed c) {
        return "True".equals(c.labels().get("com.docker.compose.oneoff"));
    }

    private static List<Observed> oneOffs(List<Observed> all, String service) {
        return all.stream().filter(RuntimeConformanceIT::oneOff)
                .filter(c -> service.equals(c.labels().get("com.docker.compose.service")))
                .toList();
    }

    /** A container's state and health as {@code docker inspect} gives them. */
    record Observed(String id, String state, String health, Map<String, String> labels) { }

    /**
     * The project's containers, listed, with their state and health inspected one by one, as
     * upstream's scenario snapshot takes them: Docker 23+ answers lists from a copy it updates
     * a moment after a stop returns, and Podman's list has no health.
     */
    private static List<Observed> containers(String project) {
        try (DockerClient docker = Cleanup.docker()) {
            List<Observed> out = new ArrayList<>();
            for (var c : docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("com.docker.compose.project", project)).exec()) {
                try {
                    var inspected = docker.inspectContainerCmd(c.getId()).exec();
                    var state = inspected.getState();
                    var health = state.getHealth();
                    // Podman calls "stopped" what Docker, and upstream's checks, call "exited"
                    out.add(new Observed(c.getId(), "stopped".equals(state.getStatus())
                            ? "exited" : state.getStatus(),
                            health == null ? null : health.getStatus(),
                            inspected.getConfig().getLabels() == null ? Map.of()
                                    : inspected.getConfig().getLabels()));
                } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                    // removed since it was listed
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> containerIds(String project) {
        return ids(containers(project));
    }

    private static Set<String> oneOffIds(String project) {
        Set<String> out = new TreeSet<>();
        containers(project).stream().filter(RuntimeConformanceIT::oneOff)
                .forEach(c -> out.add(c.id()));
        return out;
    }

    private static Map<String, List<String>> ids(List<Observed> all) {
        Map<String, List<String>> out = new TreeMap<>();
        all.stream().filter(c -> !oneOff(c)).forEach(c -> out.computeIfAbsent(
                c.labels().get("com.docker.compose.service"), k -> new ArrayList<>())
                .add(c.id()));
        out.values().forEach(l -> l.sort(String::compareTo));
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
