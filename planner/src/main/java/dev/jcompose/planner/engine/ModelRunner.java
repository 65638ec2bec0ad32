package dev.jcompose.planner.engine;

import java.util.List;

/**
 * Docker Model Runner, which serves the project's {@code models} to its services. Failures are
 * {@link EngineException}s carrying what the runner said.
 */
public interface ModelRunner {

    /** The references (and tags) of the models present locally. */
    List<String> models();

    void pull(String model);

    /** Applies a model's context size and inference-engine flags (null or empty: defaults). */
    void configure(String model, Long contextSize, List<String> runtimeFlags);

    /** The URL containers reach the runner's OpenAI-compatible API at. */
    String endpoint();
}
