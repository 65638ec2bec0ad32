package dev.jcompose.api.local;

import dev.jcompose.api.ComposeException;
import dev.jcompose.planner.PlanException;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.exec.ConditionWaiter;
import dev.jcompose.planner.exec.Executor;
import dev.jcompose.swarm.StackException;
import java.util.function.Supplier;

/**
 * The door's one translation of failures: what the planner, the executor, the engine and the
 * swarm deployer throw leaves the api as a {@link ComposeException} with the same message (and
 * the original as its cause), so callers need none of their types.
 */
final class Failures {

    private Failures() {
    }

    /** A call that may block. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws InterruptedException;
    }

    static <T> T call(Call<T> call) throws InterruptedException {
        try {
            return call.run();
        } catch (PlanException | Executor.ExecutionException | EngineException
                | ConditionWaiter.ConditionFailed | StackException e) {
            throw new ComposeException(e.getMessage(), e);
        }
    }

    static <T> T get(Supplier<T> call) {
        try {
            return call.get();
        } catch (PlanException | Executor.ExecutionException | EngineException
                | ConditionWaiter.ConditionFailed | StackException e) {
            throw new ComposeException(e.getMessage(), e);
        }
    }
}
