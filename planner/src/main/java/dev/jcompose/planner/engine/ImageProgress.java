package dev.jcompose.planner.engine;

/**
 * Told about progress of a pull or build: a layer or step and its status, with byte counts
 * when known (current and total are -1 otherwise).
 */
@FunctionalInterface
public interface ImageProgress {

    ImageProgress NONE = (id, status, current, total) -> { };

    void update(String id, String status, long current, long total);
}
