package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./jcompose} launcher as users run it: from another directory, with the user's
 * working directory kept, the exit code passed through, and the start-up cache (JDK 25+)
 * created once and then used without a word on the terminal.
 */
class LauncherIT {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) { }

    private Run launch(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(REPO.resolve("jcompose").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
        return new Run(p.exitValue(),
                Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void runsInTheCallersDirectoryAndPassesTheExitCodeThrough() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n");
        Run config = launch("-p", "launcher", "config", "--services");
        assertEquals(0, config.code(), config.toString());
        assertEquals("web\n", config.out(), config.toString());
        assertFalse(config.err().contains("[aot]") || config.err().contains("[cds]"),
                config.toString());

        Run again = launch("-p", "launcher", "config", "--services");
        assertEquals("web\n", again.out(), again.toString());
        assertEquals("", again.err(), again.toString());

        Run usage = launch("no-such-command");
        assertEquals(ExitCodes.USAGE, usage.code(), usage.toString());
        Run bad = launch("-f", "missing.yaml", "config");
        assertEquals(ExitCodes.FAILURE, bad.code(), bad.toString());
    }

    @Test
    void createsTheStartUpCachesOnceOnJdk25() throws Exception {
        launch("-p", "launcher", "config", "--services");
        int major = Runtime.version().feature();
        Path model = REPO.resolve("cli/target/jcompose-jdk" + major + "-model.aot");
        Path read = REPO.resolve("cli/target/jcompose-jdk" + major + "-read.aot");
        Path full = REPO.resolve("cli/target/jcompose-jdk" + major + "-full.aot");
        if (major >= 25 && javaHomeIsLaunchersJdk()) {
            // engine-free commands start from the smallest cache, reading ones from a middle
            // one, the others from the full one
            assertTrue(Files.size(model) > 0, "no start-up cache at " + model);
            Run ps = launch("--project-name", "launcher", "ps");
            assertEquals(0, ps.code(), ps.toString());
            assertEquals("", ps.err(), ps.toString());
            assertTrue(Files.size(read) > Files.size(model), "no read start-up cache at " + read);
            Run down = launch("--project-name", "launcher", "down");
            assertEquals(0, down.code(), down.toString());
            assertTrue(Files.size(full) > Files.size(read), "no full start-up cache at " + full);
            List<Long> made = List.of(Files.getLastModifiedTime(model).toMillis(),
                    Files.getLastModifiedTime(read).toMillis(),
                    Files.getLastModifiedTime(full).toMillis());
            launch("-p", "launcher", "config", "--services");
            launch("-p", "launcher", "ps");
            launch("-p", "launcher", "down");
            assertEquals(made, List.of(Files.getLastModifiedTime(model).toMillis(),
                    Files.getLastModifiedTime(read).toMillis(),
                    Files.getLastModifiedTime(full).toMillis()), "a cache was made again");
        } else {
            assertTrue(Files.exists(REPO.resolve("cli/target/jcompose.jar")));
        }
    }

    /**
     * Built with JDK 24+, the runnable jar holds no class file older than Java 6 (picocli's are
     * rewritten so the start-up cache can keep them), and the rewritten picocli parses, prints
     * help and reports mistakes as before.
     */
    @Test
    void runnableJarHasNoClassFilesTooOldForTheStartUpCache() throws Exception {
        Path jar = REPO.resolve("cli/target/jcompose.jar");
        List<String> old = new java.util.ArrayList<>();
        int picocli = 0;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                byte[] head;
                try (var in = zip.getInputStream(entry)) {
                    head = in.readNBytes(8);
                }
                int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
                if (major < 50) {
                    old.add(entry.getName());
                }
                if (entry.getName().startsWith("picocli/")) {
                    picocli++;
                }
            }
        }
        assertTrue(picocli > 100, "picocli is not in the jar");
        if (Runtime.version().feature() >= 24) {
            assertEquals(List.of(), old);
        }
        Run help = launch("up", "--help");
        assertEquals(0, help.code(), help.toString());
        assertTrue(help.out().contains("--force-recreate"), help.toString());
        Run typo = launch("--projct-name", "x", "ps");
        assertEquals(ExitCodes.USAGE, typo.code(), typo.toString());
        assertTrue(typo.err().contains("--projct-name"), typo.toString());
    }

    /** The launcher prefers JAVA_HOME; the tests run on that JDK when Maven sets it. */
    private static boolean javaHomeIsLaunchersJdk() {
        String home = System.getenv("JAVA_HOME");
        return home != null && Path.of(home).toAbsolutePath().normalize()
                .equals(Path.of(System.getProperty("java.home")).toAbsolutePath().normalize());
    }
}
