package dev.jcompose.planner.engine;

import java.nio.file.Path;

/**
 * A host file or folder copied into a container.
 *
 * @param source the host path (a folder is created empty: list its files separately)
 * @param target the absolute path in the container
 */
public record CopiedFile(Path source, String target) { }
