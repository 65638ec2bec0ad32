package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.planner.fake.BaseImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * cp, stats, volumes, export, commit and attach on the real engine, one stack for the class;
 * compose v2 (cp, stats) and the docker CLI (volume ls) answer the same questions on the same
 * containers as oracles.
 */
class ContainerToolsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;
    private static String project;
    private static CliRunner cli;
    private static ComposeOracle oracle;

    @BeforeAll
    static void up() throws IOException {
        BaseImage.ensure();
        dir = Files.createTempDirectory("jcompose-tools");
        project = "tools-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("compose.yaml"), """
                name: %s
                services:
                  web:
                    image: %s
                    command: ["sleep", "600"]
                    stop_signal: SIGKILL
                    deploy: {replicas: 2}
                    volumes: [data:/data]
                  idle:
                    image: %s
                    command: ["sleep", "600"]
                    stop_signal: SIGKILL
                  echo:
                    image: %s
                    stdin_open: true
                    command: ["sh", "-c", "read l; echo got $$l; echo bye; exit 3"]
                  detach:
                    image: %s
                    stdin_open: true
                    stop_signal: SIGKILL
                    command: ["sh", "-c", "while read l; do echo got $$l; done; exit 3"]
                  oneshot:
                    image: %s
                    command: ["true"]
                  later:
                    image: %s
                    command: ["sh", "-c", "while [ ! -f /tmp/go ]; do sleep 0.1; done; echo done; exit 4"]
                volumes:
                  data: {}
                  spare: {}
                """.formatted(project, BaseImage.NAME, BaseImage.NAME, BaseImage.NAME,
                BaseImage.NAME, BaseImage.NAME, BaseImage.NAME, BaseImage.NAME));
        cli = new CliRunner(dir);
        oracle = new ComposeOracle(dir);
        CliRunner.Result up = cli.run("--all-resources", "up", "-d");
        assertEquals(0, up.exitCode(), up.toString());
    }

    @AfterAll
    static void down() {
        cli.run("down", "-v", "-t", "0");
        Cleanup.project(project);
    }

    private static CliRunner.Result ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r);
        return r;
    }

    private static String inContainer(int index, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", "-T", "--index",
                String.valueOf(index), "web"));
        args.addAll(List.of(command));
        return ok(args.toArray(String[]::new)).out();
    }

    @Test
    void cpCopiesIntoEveryContainerAndOutOfTheFirstAsDockerCpDoes() throws Exception {
        Path src = Files.createDirectories(dir.resolve("site/sub"));
        Files.writeString(src.resolve("a.txt"), "alpha\n");
        Files.writeString(dir.resolve("one.txt"), "one\n");
        ok("cp", "one.txt", "web:/tmp/renamed.txt");
        ok("cp", "site", "web:/tmp/");
        ok("cp", "site/.", "web:/opt");
        for (int i = 1; i <= 2; i++) {
            assertEquals("one\n", inContainer(i, "cat", "/tmp/renamed.txt"));
            assertEquals("alpha\n", inContainer(i, "cat", "/tmp/site/sub/a.txt"));
            assertEquals("alpha\n", inContainer(i, "cat", "/opt/sub/a.txt"));
        }
        ok("exec", "-T", "--index", "2", "web", "sh", "-c", "echo two > /tmp/who");
        ok("exec", "-T", "--index", "1", "web", "sh", "-c",
                "echo one > /tmp/who; ln -s /tmp/who /tmp/link");
        // out: the first container, or --index's; a folder as a new name, or its contents
        ok("cp", "web:/tmp/who", "first.txt");
        ok("cp", "--index", "2", "web:/tmp/who", "second.txt");
        assertEquals("one\n", Files.readString(dir.resolve("first.txt")));
        assertEquals("two\n", Files.readString(dir.resolve("second.txt")));
        ok("cp", "web:/tmp/site", "copy");
        assertEquals("alpha\n", Files.readString(dir.resolve("copy/sub/a.txt")));
        // -L follows the link it is given; without it the link is copied as a link
        ok("cp", "web:/tmp/link", "plain-link");
        ok("cp", "-L", "web:/tmp/link", "followed");
        assertTrue(Files.isSymbolicLink(dir.resolve("plain-link")));
        assertFalse(Files.isSymbolicLink(dir.resolve("followed")));
        assertEquals("one\n", Files.readString(dir.resolve("followed")));
        // compose v2 on the same containers lands the same files in the same places
        oracle.v2("cp", "web:/tmp/site", "v2copy");
        oracle.v2("cp", "web:/tmp/site/.", "v2contents");
        ok("cp", "web:/tmp/site/.", "contents");
        assertEquals(tree(dir.resolve("v2copy")), tree(dir.resolve("copy")));
        assertEquals(tree(dir.resolve("v2contents")), tree(dir.resolve("contents")));
        // archive mode is passed on: root's files stay root's either way here
        ok("cp", "-a", "one.txt", "web:/tmp/archived.txt");
        assertEquals("0:0\n", inContainer(1, "stat", "-c", "%u:%g", "/tmp/archived.txt"));
    }

    @Test
    void cpRefusesAsComposeV2Does() throws Exception {
        for (String[] args : List.of(new String[] {"cp", "./missing", "web:/tmp"},
                new String[] {"cp", "nope:/x", "out"},
                new String[] {"cp", "web:/x", "idle:/y"},
                new String[] {"cp", "web:/does-not-exist", "out"})) {
            CliRunner.Result mine = cli.run(args);
            CliRunner.Result v2 = oracle.v2(args);
            assertEquals(1, mine.exitCode(), mine.toString());
            assertEquals(v2.exitCode(), mine.exitCode(), v2.toString());
            String v2Line = v2.err().strip().lines().reduce((a, b) -> b).orElse("")
                    .replace("Error response from daemon: ", "").replaceFirst(" in container .*",
                            "");
            assertTrue(mine.err().contains(v2Line), "v2 said: " + v2Line + "\n" + mine);
        }
    }

    @Test
    void cpToAndFromStandardStreamsIsATarStream() throws Exception {
        CliRunner tarIn = new CliRunner(dir).stdin(tarOf("streamed.txt", "via stdin\n"));
        CliRunner.Result r = tarIn.run("cp", "-", "idle:/tmp");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("via stdin\n", ok("exec", "-T", "idle", "cat", "/tmp/streamed.txt").out());
        CliRunner.Result notDir = tarIn.run("cp", "-", "idle:/tmp/streamed.txt");
        assertEquals(1, notDir.exitCode());
        assertTrue(notDir.err().contains("must be a directory"), notDir.toString());
    }

    @Test
    void statsPrintsWhatComposeV2Prints() throws Exception {
        // one reading takes the engine a second (it compares two): few readings here
        CliRunner.Result table = ok("stats", "--no-stream");
        CliRunner.Result v2Table = oracle.v2("stats", "--no-stream");
        // the same columns in the same order; their widths follow the values, which differ
        // between two readings (NET I/O grows)
        assertEquals(headings(v2Table.out()), headings(table.out()));
        assertTrue(table.out().contains(project + "-web-2"), table.out());
        assertFalse(table.out().contains(project + "-oneshot-1"), table.out());
        String[] all = {"stats", "--no-stream", "-a", "--no-trunc", "--format", "json"};
        List<JsonNode> mine = jsonLines(ok(all).out());
        List<JsonNode> v2 = jsonLines(oracle.v2(all).out());
        assertEquals(names(v2), names(mine));
        for (JsonNode n : mine) {
            JsonNode same = v2.stream().filter(x -> x.path("Name").equals(n.path("Name")))
                    .findFirst().orElseThrow();
            assertEquals(fieldNames(same), fieldNames(n));
            for (String field : List.of("Container", "ID", "Name")) {
                assertEquals(same.path(field), n.path(field), field);
            }
            assertTrue(n.path("MemUsage").asText().matches("[0-9.]+(B|KiB|MiB|GiB) / "
                    + "[0-9.]+(B|KiB|MiB|GiB|TiB)"), n.toString());
            assertTrue(n.path("CPUPerc").asText().matches("\\d+\\.\\d\\d%"), n.toString());
        }
        JsonNode stopped = mine.stream().filter(n -> n.path("Name").asText()
                .equals(project + "-oneshot-1")).findFirst().orElseThrow();
        assertEquals("0B / 0B", stopped.path("MemUsage").asText());
        assertEquals("0", stopped.path("PIDs").asText());
        CliRunner.Result bad = cli.run("stats", "--no-stream", "--format", "{{.Bogus}}");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("no field .Bogus"), bad.toString());
    }

    /** A table's column titles: its first line, split where two spaces or more part them. */
    private static List<String> headings(String table) {
        return List.of(table.lines().findFirst().orElseThrow().strip().split("\\s{2,}"));
    }

    private static boolean isRunning(String service) {
        return ok("ps", "--format", "{{.Name}}", service).out().contains(service);
    }

    @Test
    void statsStreamsReadingAfterReadingUntilStopped() throws Exception {
        // a process of its own, as users run it: the stream goes on until it is ended
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "stats",
                "--format", "{{.Name}} {{.PIDs}}", "idle");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals(project + "-idle-1 1", lines.readLine());
            assertEquals(project + "-idle-1 1", lines.readLine());
            assertTrue(p.isAlive(), "a streaming stats ended by itself");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void volumesListAsTheDockerCliListsThem() throws Exception {
        String filter = "label=com.docker.compose.project=" + project;
        assertEquals(docker("volume", "ls", "--filter", filter), ok("volumes").out());
        // the docker CLI lists labels in no fixed order; jcompose sorts them
        assertEquals(sortedLabels(docker("volume", "ls", "--filter", filter, "--format",
                "{{json .}}")), sortedLabels(ok("volumes", "--format", "json").out()));
        assertEquals(project + "_data\n", ok("volumes", "-q", "web").out());
        assertEquals("", ok("volumes", "-q", "idle").out());
        assertEquals(docker("volume", "ls", "-q", "--filter", filter), ok("volumes", "-q").out());
        CliRunner.Result unknown = cli.run("volumes", "nosuch");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("no such service: nosuch"), unknown.toString());
    }

    @Test
    void exportWritesTheFileSystemAsATarArchive() throws Exception {
        ok("exec", "-T", "idle", "sh", "-c", "echo exported > /tmp/mark");
        ok("export", "-o", "idle.tar", "idle");
        Path tar = dir.resolve("idle.tar");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tar)));
        List<String> entries = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                entries.add(e.getName());
            }
        }
        assertTrue(entries.contains("tmp/mark") && entries.contains("bin/busybox"),
                entries.toString());
        CliRunner.Result none = cli.run("export", "-o", "x.tar", "--index", "9", "idle");
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("service \"idle\" is not running container #9"),
                none.toString());
        assertFalse(Files.exists(dir.resolve("x.tar")));
    }

    @Test
    void commitMakesAnImageWithMessageAuthorAndChanges() throws Exception {
        String image = project + "-committed:t";
        try {
            ok("exec", "-T", "idle", "sh", "-c", "echo committed > /tmp/mark2");
            ok("commit", "-m", "a message", "-a", "Ann <ann@example.org>", "-c", "ENV COLOUR=blue",
                    "idle", image);
            assertEquals("a message|Ann <ann@example.org>|[PATH=/bin COLOUR=blue]\n",
                    docker("image", "inspect", image, "--format",
                            "{{.Comment}}|{{.Author}}|{{.Config.Env}}"));
            assertEquals("committed\n", docker("run", "--rm", image, "cat", "/tmp/mark2"));
            CliRunner.Result dry = ok("commit", "--dry-run", "idle", project + "-never:t");
            assertTrue(dry.err().contains("Committed"), dry.toString());
            assertEquals("", docker("image", "ls", "-q", project + "-never:t"));
        } finally {
            docker("rmi", "-f", image);
        }
    }

    @Test
    void attachForwardsInputAndEndsWithTheContainersExitCode() throws Exception {
        CliRunner.Result r = new CliRunner(dir).stdin("hello\n".getBytes(StandardCharsets.UTF_8))
                .run("attach", "echo");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.out().contains("got hello") && r.out().contains("bye"), r.toString());
    }

    @Test
    void attachDetachKeysLeaveTheContainerRunning() throws Exception {
        // a line, then (once it is echoed) the keys, then a line that must not arrive
        InputStream typed = new java.io.SequenceInputStream(java.util.Collections.enumeration(
                List.of(new java.io.ByteArrayInputStream("one\n".getBytes(StandardCharsets.UTF_8)),
                        new InputStream() {
                            private final byte[] rest = "\u0018two\n".getBytes(
                                    StandardCharsets.UTF_8);
                            private int at;

                            @Override
                            public int read() throws IOException {
                                if (at == 0) {
                                    try {
                                        Thread.sleep(1500);
                                    } catch (InterruptedException e) {
                                        throw new java.io.InterruptedIOException();
                                    }
                                }
                                return at < rest.length ? rest[at++] : -1;
                            }
                        })));
        CliRunner.Result r = new CliRunner(dir).stdin(typed)
                .run("attach", "--detach-keys", "ctrl-x", "detach");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("got one") && !r.out().contains("got two"), r.toString());
        assertTrue(isRunning("detach"), "the container stopped when detached from");
        CliRunner.Result bad = cli.run("attach", "--detach-keys", "ctrl-1", "detach");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("unknown character 'ctrl-1'"), bad.toString());
    }

    @Test
    void attachWithoutStdinShowsOutputUntilTheContainerStops() throws Exception {
        CliRunner.Running attached = cli.start("attach", "--no-stdin", "later");
        Thread.sleep(500);
        assertFalse(attached.result().isDone(), attached.err().toString());
        ok("exec", "-T", "later", "touch", "/tmp/go");
        CliRunner.Result r = attached.result().get(30, TimeUnit.SECONDS);
        assertEquals(4, r.exitCode(), r.toString());
        assertTrue(r.out().contains("done"), r.toString());
    }

    private static List<String> sortedLabels(String jsonLines) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode n : jsonLines(jsonLines)) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("Labels", String.join(",",
                    java.util.Arrays.stream(n.path("Labels").asText().split(",")).sorted()
                            .toList()));
            out.add(n.toString());
        }
        return out;
    }

    private static byte[] tarOf(String name, String content) throws IOException {
        Path file = Files.createTempDirectory("tar").resolve(name);
        Files.writeString(file, content);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        dev.jcompose.runtime.LocalArchives.tar(file, name, false, bytes);
        return bytes.toByteArray();
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p) + (Files.isDirectory(p) ? "/" : ""))
                    .sorted().toList();
        }
    }

    private static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.lines().filter(l -> !l.isBlank()).toList()) {
            nodes.add(JSON.readTree(l));
        }
        return nodes;
    }

    private static List<String> names(List<JsonNode> rows) {
        return rows.stream().map(n -> n.path("Name").asText()).sorted().toList();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static String docker(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        p.getOutputStream().close();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }
}
