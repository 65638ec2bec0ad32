package dev.jcompose.runtime;

import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.fake.BaseImage;
import dev.jcompose.planner.fake.EngineContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
