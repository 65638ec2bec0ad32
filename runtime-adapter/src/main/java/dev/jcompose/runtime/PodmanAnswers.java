package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ImageSummary;
import dev.jcompose.planner.engine.ProcessList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Podman's Docker-compatible answers put in Docker's words, where they differ (Podman 4.3):
 * <ul>
 * <li>a container that has exited and been cleaned up is {@code stopped}, a created one
 * {@code configured}: Docker's {@code exited} and {@code created}; one without a health check
 * has a health of empty status, where Docker has none;</li>
 * <li>image references carry the registry Podman resolved them to
 * ({@code docker.io/library/web:1}): as Docker names them, {@code web:1};</li>
 * <li>{@code top} answers each line of {@code ps} unsplit: split into its columns;</li>
 * <li>creating a network or volume that exists fails with HTTP 500: the conflict it is;</li>
 * <li>connecting a container to a network is answered with a bare {@code OK}, not JSON.</li>
 * </ul>
 */
final class PodmanAnswers {

    private PodmanAnswers() {
    }

    /** A container state in Docker's words. */
    static String state(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "stopped" -> "exited";
            case "configured", "initialized" -> "created";
            default -> state;
        };
    }

    /**
     * An inspected container's {@code State} put in Docker's words, in place: its status, and no
     * {@code Health} when it has no health check (Podman gives one with an empty status).
     */
    static void dockerState(JsonNode inspected) {
        if (inspected.path("State") instanceof ObjectNode state) {
            if (state.has("Status")) {
                state.put("Status", state(state.path("Status").asText()));
            }
            if (state.path("Health").path("Status").asText("").isEmpty()) {
                state.remove("Health");
            }
        }
    }

    /** Podman answers some requests (network connect and disconnect) with a bare {@code OK}. */
    static boolean plainOk(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).strip().equals("OK");
    }

    /** An image reference as Docker names it: without docker.io/ or docker.io/library/. */
    static String reference(String ref) {
        if (ref == null) {
            return null;
        }
        if (ref.startsWith("docker.io/library/")) {
            return ref.substring("docker.io/library/".length());
        }
        if (ref.startsWith("docker.io/")) {
            return ref.substring("docker.io/".length());
        }
        return ref;
    }

    static ContainerSummary container(ContainerSummary c) {
        return new ContainerSummary(c.id(), c.name(), reference(c.image()), c.imageId(),
                state(c.state()), c.health(), c.exitCode(), c.labels(), c.ports(),
                c.createdEpochSeconds(), c.volumes());
    }

    static ImageSummary image(ImageSummary i) {
        return new ImageSummary(i.id(), i.tags().stream().map(PodmanAnswers::reference).toList(),
                i.labels(), i.created(), i.lastTagged(), i.volumes());
    }

    /** {@code top} with each unsplit line split into as many columns as there are titles. */
    static ProcessList top(ProcessList top) {
        if (top.titles().size() != 1 || !top.titles().get(0).strip().contains(" ")) {
            return top;
        }
        List<String> titles = Arrays.asList(top.titles().get(0).strip().split("\\s+"));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> p : top.processes()) {
            rows.add(p.size() == 1 ? Arrays.asList(p.get(0).strip().split("\\s+", titles.size()))
                    : p);
        }
        return new ProcessList(titles, rows);
    }

    /** The engine's refusal to create what exists, as the conflict Docker answers with. */
    static EngineException conflict(EngineException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return !(e instanceof EngineException.Conflict) && (m.contains("already exists")
                || m.contains("already used")) ? new EngineException.Conflict(m) : e;
    }
}
