package dev.jcompose.api;

import java.util.List;

/**
 * The processes running in a container ({@code top}).
 *
 * @param container the container
 * @param titles    the column headings ({@code UID}, {@code PID}, ..., {@code CMD})
 * @param processes one row per process, in the order of {@code titles}
 */
public record ContainerProcesses(ContainerInfo container, List<String> titles,
        List<List<String>> processes) {

    public ContainerProcesses {
        titles = List.copyOf(titles);
        processes = processes.stream().map(List::copyOf).toList();
    }
}
