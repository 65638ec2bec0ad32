package dev.jcompose.planner.progress;

/** Receives progress events. Implementations must be thread-safe: steps run in parallel. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = event -> { };

    void on(ProgressEvent event);
}
