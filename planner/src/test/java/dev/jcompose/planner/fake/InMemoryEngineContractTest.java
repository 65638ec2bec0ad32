package dev.jcompose.planner.fake;

import dev.jcompose.planner.engine.Engine;

/** The engine contract, run against the in-memory fake. */
class InMemoryEngineContractTest extends EngineContract {

    private final InMemoryEngine engine = new InMemoryEngine().withImage("base");

    @Override
    protected Engine engine() {
        return engine;
    }

    @Override
    protected String image() {
        return "base";
    }
}
