package dev.jcompose.planner.engine;

import java.time.Instant;

/** One line a container wrote, with its stream and, when asked for, its timestamp. */
public record LogLine(String containerId, Stream stream, Instant timestamp, String text) {

    /** Which output stream. */
    public enum Stream { STDOUT, STDERR }
}
