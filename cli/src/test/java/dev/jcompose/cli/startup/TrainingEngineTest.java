package dev.jcompose.cli.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.cli.Console;
import dev.jcompose.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run's stand-in engine: a process of its own on a Unix socket, which the real
 * readers talk to as they talk to an engine, so the read cache is trained on their full path
 * wherever it is made, with or without an engine there.
 */
class TrainingEngineTest {

    @TempDir
    Path dir;

    private Process engine;
    private Path socket;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), StartupTraining.composeFile(3));
        socket = dir.resolve("engine.sock");
        engine = StartupTraining.startEngine(socket, true);
        assertTrue(Files.exists(socket), "the stand-in engine did not open " + socket);
    }

    @AfterEach
    void stop() {
        StartupTraining.stopEngine(engine);
    }

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]),
                Map.of("DOCKER_HOST", "unix://" + socket, "HOME", dir.toString()), dir,
                false, false);
        assertEquals(0, Main.run(console, args), err.toString());
        return out.toString();
    }

    @Test
    void psListsTheContainersItStartsWith() {
        String ps = run("ps");
        for (int i = 1; i <= 3; i++) {
            assertTrue(ps.contains("training-svc" + i + "-1"), ps);
        }
    }

    @Test
    void lsAndVersionAnswer() {
        assertTrue(run("ls").contains("running(3)"));
        assertTrue(run("version").contains("unix://" + socket));
    }

    @Test
    void endsWhenItsTrainingRunEnds() throws Exception {
        engine.getOutputStream().close();
        assertTrue(engine.waitFor(10, TimeUnit.SECONDS), "the stand-in engine still runs");
        assertTrue(Files.notExists(socket), "the socket outlived the stand-in engine");
    }
}
