package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.WatchEvent;
import dev.jcompose.planner.fake.BaseImage;
import dev.jcompose.planner.fake.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch command's surface, on the in-memory engine (its behaviour is WatchIT's). */
class WatchCommandTest {

    @TempDir
    Path dir;

    private CliRunner cli() {
        return new CliRunner(dir).on(new InMemoryEngine().withImage(BaseImage.NAME));
    }

    @Test
    void helpShowsTheOptionsAndExamples() {
        CliRunner.Result r = cli().run("watch", "--help");
        assertEquals(0, r.exitCode(), r.toString());
        for (String s : List.of("--no-up", "--prune", "--quiet", "Examples:",
                "jcompose watch --no-up web", "action: sync")) {
            assertTrue(r.out().contains(s), s + " in " + r.out());
        }
        assertTrue(cli().run("up", "--help").out().contains("--watch"));
    }

    @Test
    void aProjectWithoutWatchRulesIsAnErrorBeforeAnythingStarts() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: %s
                """.formatted(BaseImage.NAME));
        CliRunner.Result r = cli().run("watch", "--no-up");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("none of the selected services is configured for watch"),
                r.err());
    }

    @Test
    void rebuildWithoutBuildIsRefusedWithItsLine() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: %s
                    develop:
                      watch:
                        - path: ./src
                          action: rebuild
                """.formatted(BaseImage.NAME));
        CliRunner.Result r = cli().run("watch");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("compose.yaml:7:19: services.app.develop.watch[0].action:"
                + " service \"app\" has no build section"), r.err());
        assertTrue(!r.err().contains("at dev.jcompose"), "no stack trace: " + r.err());
    }

    @Test
    void printsALinePerAction() {
        Instant t = Instant.EPOCH;
        assertEquals("web: synced 2 files /app/a.js, /app/b.js", WatchPrinter.line(
                new WatchEvent(t, "web", WatchEvent.Kind.SYNCED, List.of("/app/a.js",
                        "/app/b.js"), "")));
        assertEquals("web: deleted 1 path /app/a.js", WatchPrinter.line(new WatchEvent(t, "web",
                WatchEvent.Kind.DELETED, List.of("/app/a.js"), "")));
        assertEquals("web: synced 7 files /1, /2, /3, /4, /5, ...", WatchPrinter.line(
                new WatchEvent(t, "web", WatchEvent.Kind.SYNCED, List.of("/1", "/2", "/3", "/4",
                        "/5", "/6", "/7"), "")));
        assertEquals("Watching web: /p/src (sync)", WatchPrinter.line(new WatchEvent(t, "web",
                WatchEvent.Kind.WATCHING, List.of("/p/src (sync)"), "")));
    }
}
