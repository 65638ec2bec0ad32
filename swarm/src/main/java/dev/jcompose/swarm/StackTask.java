package dev.jcompose.swarm;

import java.time.Instant;
import java.util.List;

/**
 * A task of a stack ({@code stack ps}).
 *
 * @param id           the task's ID
 * @param name         {@code service.slot}, or {@code service.node} for a global service
 * @param image        the image it runs
 * @param node         the node's host name, "" before it is placed
 * @param desiredState what swarm wants of it (running, shutdown, complete)
 * @param state        what it is (running, failed, ...)
 * @param since        when it got there
 * @param error        why it failed, or ""
 * @param ports        ports it publishes on its node ({@code *:8080->80/tcp})
 */
public record StackTask(String id, String name, String image, String node, String desiredState,
        String state, Instant since, String error, List<String> ports) {

    public StackTask {
        ports = List.copyOf(ports);
    }
}
