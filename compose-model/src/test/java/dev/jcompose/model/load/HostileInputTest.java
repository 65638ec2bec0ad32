package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each input here once crashed, hung or exhausted the loader, or was refused without a line: now
 * each loads or is refused with an error naming the file and the line, within the loader's
 * bound for a file of about 1 MB ({@link LoadBudget}: 5 s of CPU, a fraction of it in fact).
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private LoaderFixture fixture() {
        return new LoaderFixture(dir);
    }

    /** The load is refused quickly; every problem names a file and a line. */
    private List<Problem> refused(Supplier<Project> load) {
        LoadBudget.Outcome<Project> outcome = LoadBudget.run(load::get, "the load");
        if (!(outcome.thrown() instanceof ComposeFileException e)) {
            return fail("not refused with our error: " + (outcome.thrown() == null ? "accepted"
                    : outcome.thrown()), outcome.thrown());
        }
        for (Problem p : e.problems()) {
            assertTrue(p.mark().isKnown() && !p.mark().file().isEmpty(),
                    "no file:line in: " + p);
        }
        return e.problems();
    }

    private static Project loads(Supplier<Project> load) {
        LoadBudget.Outcome<Project> outcome = LoadBudget.run(load::get, "the load");
        if (outcome.thrown() != null) {
            return fail("refused: " + outcome.thrown(), outcome.thrown());
        }
        return outcome.value();
    }

    private static void says(List<Problem> problems, String where, String what) {
        String all = problems.toString();
        assertTrue(problems.stream().anyMatch(p -> p.toString().contains(where)
                && p.toString().contains(what)), "expected " + where + " ... " + what + " in "
                + all);
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path p = dir.resolve(name);
        assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor());
        return p;
    }

    @Test
    void devicesAndFifosAndDirectoriesAreNotIncludedOrExtended() throws Exception {
        LoaderFixture f = fixture();
        Path fifo = fifo("pipe.yaml");
        Files.createDirectories(dir.resolve("folder"));
        says(refused(() -> f.load("include: [/dev/zero]\nservices: {a: {image: x}}\n")),
                "compose.yaml:1:11", "a character device, not a regular file");
        says(refused(() -> f.load("include: [" + fifo + "]\nservices: {a: {image: x}}\n")),
                "compose.yaml:1:11", "a FIFO");
        says(refused(() -> f.load("include:\n  - folder\nservices: {a: {image: x}}\n")),
                "compose.yaml:2:5", "a directory");
        says(refused(() -> f.load("services:\n  a:\n    extends: {file: /dev/zero, "
                + "service: b}\n")), "compose.yaml:3:21", "a character device");
        says(refused(() -> f.load("services:\n  a:\n    extends: {file: " + fifo
                + ", service: b}\n")), "compose.yaml:3:21", "a FIFO");
    }

    @Test
    void devNullIsAnEmptyFileAsForDockerCompose() {
        LoaderFixture f = fixture();
        Project p = f.load("services:\n  a:\n    image: x\n    env_file: [/dev/null]\n");
        assertTrue(p.service("a").environment().isEmpty());
        p = ComposeLoader.load(f.options().envFile(Path.of("/dev/null")).build());
        assertTrue(p.services().containsKey("a"));
    }

    @Test
    void aFifoOrADirectoryAsAnEnvFileIsSaidToBeOne() throws Exception {
        LoaderFixture f = fixture();
        Path fifo = fifo("pipe.env");
        Files.createDirectories(dir.resolve("env.d"));
        says(refused(() -> f.load("services:\n  a:\n    image: x\n    env_file: [" + fifo
                + "]\n")), "compose.yaml:4:16", "a FIFO (named pipe), not a regular file");
        says(refused(() -> f.load("services:\n  a:\n    image: x\n    env_file: env.d\n")),
                "compose.yaml:4:15", "a directory, not a regular file");
        f.write("other.yaml", "services: {b: {image: x}}\n");
        says(refused(() -> f.load("include:\n  - path: other.yaml\n    env_file: env.d\n")),
                "compose.yaml:3:15", "a directory");
        ComposeFileException e = org.junit.jupiter.api.Assertions.assertThrows(
                ComposeFileException.class, () -> ComposeLoader.load(
                        f.options().envFile(Path.of("env.d")).build()));
        assertTrue(e.getMessage().contains("env.d: env file it is a directory"), e.getMessage());
    }

    @Test
    void envFilesThatAreNotTextNameTheLine() throws IOException {
        LoaderFixture f = fixture();
        Files.write(dir.resolve("bad.env"), new byte[] {'A', '=', '1', '\n', 'B', '=', 'x',
            (byte) 0xff, (byte) 0xfe, '\n'});
        says(refused(() -> f.load("services:\n  a:\n    image: x\n    env_file: bad.env\n")),
                "bad.env:2:4", "not valid UTF-8: byte 0xff");
        Files.writeString(dir.resolve(".env"), "A=1\n\nB=x\u0001y\n");
        says(refused(() -> f.load("services:\n  a:\n    image: x\n")), ".env:3:4",
                "control character U+0001");
    }

    @Test
    void composeFilesThatAreNotTextNameTheLine() throws IOException {
        LoaderFixture f = fixture();
        Files.write(dir.resolve("compose.yaml"), new byte[] {'s', 'e', 'r', 'v', 'i', 'c', 'e',
            's', ':', '\n', ' ', ' ', 'a', ':', ' ', (byte) 0xc3, '(', '\n'});
        says(refused(() -> ComposeLoader.load(f.options().build())), "compose.yaml:2:6",
                "not valid UTF-8");
        says(refused(() -> f.load("services:\n  a:\n    image: \"x\u0007\"\n")),
                "compose.yaml:3:14", "U+0007 is not allowed");
    }

    @Test
    void aDeviceGivenWithDashFIsReadBoundedly() {
        says(refused(() -> ComposeLoader.load(fixture().options().file(Path.of("/dev/zero"))
                .build())), "/dev/zero:1:1", "larger than 32 MiB");
    }

    @Test
    void aLongExtendsChainResolvesInLinearTimeWithoutRecursion() {
        int depth = 3000;
        StringBuilder yaml = new StringBuilder("services:\n  s0:\n    image: base\n");
        for (int i = 1; i <= depth; i++) {
            yaml.append("  s").append(i).append(":\n    extends: s").append(i - 1)
                    .append("\n    labels: [l").append(i % 7).append("=").append(i).append("]\n");
        }
        Project p = loads(() -> fixture().load(yaml.toString()));
        assertEquals("base", p.service("s" + depth).image());
        assertEquals(String.valueOf(depth), p.service("s" + depth).labels().get("l" + depth % 7));
        assertEquals(7, p.service("s" + depth).labels().size());
    }

    @Test
    void anExtendsCycleIsNamed() {
        says(refused(() -> fixture().load("services:\n  a: {extends: b, image: x}\n"
                + "  b: {extends: c}\n  c: {extends: a}\n")), "compose.yaml:", "extends cycle: "
                + "compose.yaml:a -> compose.yaml:b -> compose.yaml:c -> compose.yaml:a");
    }

    @Test
    void aMillionDigitIntegerIsReadQuickly() {
        String digits = "9".repeat(1_000_000);
        Project p = loads(() -> fixture().load(
                "x-big: " + digits + "\nservices: {a: {image: x}}\n"));
        assertEquals(digits, p.extensions().get("x-big"), "past float64 a string, as go-yaml");
        p = loads(() -> fixture().load(
                "x-zeros: " + "0".repeat(1_000_000) + "7\nservices: {a: {image: x}}\n"));
        assertEquals(7L, p.extensions().get("x-zeros"));
        says(refused(() -> fixture().load("services: {a: {image: x, deploy: {replicas: "
                + digits + "}}}\n")), "compose.yaml:1:45", "replicas");
    }

    @Test
    void theAliasBudgetCountsTheExpandedText() {
        StringBuilder yaml = new StringBuilder("x-big: &big \"" + "a".repeat(1_000_000)
                + "\"\nx-uses:\n");
        for (int i = 0; i < 1000; i++) {
            yaml.append("  - *big\n");
        }
        yaml.append("services: {a: {image: x}}\n");
        says(refused(() -> fixture().load(yaml.toString())), "compose.yaml:",
                "expands to more than 32 MiB through aliases");
        // at the alias that went past the budget, not at the anchor
        says(refused(() -> fixture().load(yaml.toString())), "compose.yaml:3", "aliases");
    }

    @Test
    void valuesUpWouldCrashOnAreRefusedWithTheirLine() {
        LoaderFixture f = fixture();
        says(refused(() -> f.load("services:\n  a:\n    image: x\n    deploy: {replicas: -1}\n")),
                "compose.yaml:4:24", "cannot be negative");
        says(refused(() -> f.load("services:\n  a:\n    image: x\n    scale: -2\n")),
                "compose.yaml:4:12", "cannot be negative");
        says(refused(() -> f.load("services:\n  a:\n    image: x\n    expose: [\"a-b\"]\n")),
                "compose.yaml:4:14", "\"a-b\" is not a port to expose");
        says(refused(() -> f.load("services:\n  a:\n    image: x\n    expose: [\"90-80\"]\n")),
                "compose.yaml:4:14", "is not a port to expose");
        says(refused(() -> f.load("services:\n  a:\n    image: \"bad image\"\n")),
                "compose.yaml:3:12", "\"bad image\" is not a valid image name");
        says(refused(() -> f.load("services:\n  a:\n    image: \"a{b}\"\n")),
                "compose.yaml:3:12", "is not a valid image name");
        says(refused(() -> f.load("services:\n  a:\n    image: Busybox\n")),
                "compose.yaml:3:12", "must be lower case");
        Project ok = f.load("services:\n  a:\n    image: Registry.Local:5000/my.org/app:1.0\n"
                + "    expose: [80, \"81-82/udp\"]\n    deploy: {replicas: 0}\n"
                + "  b:\n    image: busybox@sha256:" + "a".repeat(64) + "\n");
        assertEquals(2, ok.services().size());
    }

    @Test
    void anEmptyInterpolatedBindSourceIsNamed() {
        says(refused(() -> fixture().load("services:\n  a:\n    image: x\n    volumes: "
                + "[\"${EMPTY}:/data:z\"]\n", Map.of())), "compose.yaml:4:15",
                "the source (before the first colon) is empty");
    }
}
