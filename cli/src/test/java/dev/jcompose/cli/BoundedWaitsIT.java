package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.fake.BaseImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waits on the real engine that end in bounded time with one clear error and exit 1: a
 * healthcheck that hangs (the engine's timeout fails it, the retries make the service
 * unhealthy), a healthcheck that always fails, and one that never runs in the time given
 * ({@code --wait-timeout}).
 */
class BoundedWaitsIT {

    @TempDir
    Path dir;

    @RegisterExtension
    final EngineProject engineProject = new EngineProject("waits");
    private final String project = engineProject.name();

    private CliRunner.Result up(String healthcheck, String... options) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  dep:
                    image: %1$s
                    command: ["sleep", "300"]
                    stop_grace_period: 1s
                    healthcheck:
                %2$s
                  app:
                    image: %1$s
                    command: ["sleep", "300"]
                    depends_on:
                      dep:
                        condition: service_healthy
                """.formatted(BaseImage.NAME, healthcheck.indent(6).stripTrailing()));
        String[] args = new String[options.length + 4];
        args[0] = "-p";
        args[1] = project;
        args[2] = "up";
        args[3] = "-d";
        System.arraycopy(options, 0, args, 4, options.length);
        return new CliRunner(dir).run(args);
    }

    private static void assertFailsWithin(long startNanos, long seconds, CliRunner.Result r,
            String expected) {
        long took = (System.nanoTime() - startNanos) / 1_000_000_000;
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains(expected), expected + " missing:\n" + r);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.toString());
        assertTrue(took <= seconds, "took " + took + " s, bound " + seconds + " s\n" + r);
    }

    @Test
    void aHealthcheckThatHangsOrNeverPassesMakesTheDependencyUnhealthy() throws IOException {
        for (String test : List.of("[\"CMD\", \"sleep\", \"1000\"]", "[\"CMD\", \"false\"]")) {
            long start = System.nanoTime();
            CliRunner.Result r = up("""
                    test: %s
                    interval: 1s
                    timeout: 1s
                    retries: 2
                    """.formatted(test));
            assertFailsWithin(start, 30, r, "container " + project + "-dep-1 is unhealthy "
                    + "(service dep)");
            Cleanup.project(project);
        }
    }

    @Test
    void aHealthcheckThatNeverRunsEndsAtTheWaitTimeout() throws IOException {
        long start = System.nanoTime();
        CliRunner.Result r = up("""
                test: ["CMD", "true"]
                interval: 1h
                """, "--wait-timeout", "3");
        assertFailsWithin(start, 30, r, "application not healthy after 3s: timed out waiting "
                + "for service dep to be healthy");
        long startWait = System.nanoTime();
        CliRunner.Result wait = new CliRunner(dir).run("-p", project, "up", "--wait",
                "--wait-timeout", "2", "dep");
        assertFailsWithin(startWait, 30, wait, "not healthy after 2s");
    }
}
