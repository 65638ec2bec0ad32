package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineInfo;
import dev.jcompose.planner.fake.BaseImage;
import dev.jcompose.planner.fake.EngineContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine contract, run against the real Docker engine. */
class DockerEngineIT extends EngineContract {

    private static DockerEngine engine;

    @BeforeAll
    static void start() {
        BaseImage.ensure();
        engine = DockerEngine.fromEnvironment();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Override
    protected Engine engine() {
        return engine;
    }

    @Override
    protected String image() {
        return BaseImage.NAME;
    }

    /** The engine's version as {@code docker version} reports it, read from the raw API. */
    @Test
    void theEngineTellsItsVersion() throws Exception {
        Process docker = new ProcessBuilder("docker", "version", "--format",
                "{{.Server.Version}} {{.Server.APIVersion}} {{.Server.Os}}")
                .redirectErrorStream(true).start();
        String expected = new String(docker.getInputStream().readAllBytes()).strip();
        assertEquals(0, docker.waitFor(), expected);
        EngineInfo info = engine.info();
        assertEquals(expected, info.version() + " " + info.apiVersion() + " " + info.os());
    }
}
