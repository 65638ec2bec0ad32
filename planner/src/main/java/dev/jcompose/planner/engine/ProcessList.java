package dev.jcompose.planner.engine;

import java.util.List;

/**
 * The processes running in a container, as {@code ps} inside its namespace shows them.
 *
 * @param titles    the column headings ({@code UID}, {@code PID}, ..., {@code CMD})
 * @param processes one row per process, in the order of {@code titles}
 */
public record ProcessList(List<String> titles, List<List<String>> processes) {

    public ProcessList {
        titles = List.copyOf(titles);
        processes = processes.stream().map(List::copyOf).toList();
    }
}
