package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.fake.BaseImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up --menu} as a person runs it: the launcher on a real pseudo-terminal ({@code script},
 * util-linux, on every Debian), keys typed into it. {@code w} starts watch (a file written is
 * then in the container), {@code d} detaches: up returns 0 and the container keeps running.
 */
class UpMenuIT {

    @TempDir
    Path dir;

    private final String project = "menu-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void baseImage() {
        BaseImage.ensure();
    }

    @AfterEach
    void tearDown() {
        new CliRunner(dir).run("-p", project, "down", "-t", "0");
        Cleanup.project(project);
    }

    @Test
    void wStartsWatchAndDDetachesLeavingTheContainersRunning() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: %s
                    command: ["sh", "-c", "echo started; exec sleep 3600"]
                    init: true
                    develop:
                      watch:
                        - {path: ./src, action: sync, target: /src}
                """.formatted(BaseImage.NAME));
        String command = "stty rows 20 cols 120; exec " + Processes.REPO.resolve("jcompose")
                + " -p " + project + " up --menu";
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", command, "/dev/null")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("TERM", "xterm-256color");
        pb.environment().remove("CI");
        pb.environment().remove("COMPOSE_MENU");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("this test needs script(1) for a pseudo-terminal: "
                    + "apt-get install bsdutils", e);
        }
        Screen screen = new Screen(p.getInputStream());
        OutputStream keys = p.getOutputStream();
        try {
            assertTrue(screen.await("Enable Watch", 120), "no menu:\n" + screen);
            assertTrue(screen.await("app-1  | started", 20), screen.toString());
            keys.write('w');
            keys.flush();
            assertTrue(screen.await("Watching app", 30), "w did not start watch:\n" + screen);
            assertTrue(screen.await("Disable Watch", 10), screen.toString());
            Files.writeString(dir.resolve("src/hello.txt"), "synced by the menu's watch\n");
            assertTrue(screen.await("synced 1 file /src/hello.txt", 20), screen.toString());
            assertEquals("synced by the menu's watch\n", Processes.docker("exec", project
                    + "-app-1", "cat", "/src/hello.txt"));

            keys.write('d');
            keys.flush();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "d did not detach:\n" + screen);
            assertEquals(0, p.exitValue(), screen.toString());
            assertTrue(Processes.resources(project).contains(project + "-app-1 running"),
                    Processes.resources(project) + "\n" + screen);
            // the scroll region the menu kept is given back to the whole screen
            assertTrue(screen.text().contains("\u001b[1;20r"), screen.toString());
        } finally {
            p.destroyForcibly();
        }
    }

    /** What the terminal received, read on a thread of its own. */
    private static final class Screen {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Screen(InputStream in) {
            Thread.ofPlatform().daemon().start(() -> {
                byte[] b = new byte[4096];
                try {
                    for (int n; (n = in.read(b)) > 0; ) {
                        synchronized (bytes) {
                            bytes.write(b, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        /** Waits until {@code what} was written, colours and cursor moves left out. */
        boolean await(String what, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!text().replaceAll("\u001b(\\[[0-9;?]*[A-Za-z]|[78])", "")
                    .contains(what)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        }

        @Override
        public String toString() {
            return text().replace("\u001b", "^[");
        }
    }
}
