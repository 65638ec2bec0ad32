package dev.jcompose.runtime;

import static dev.jcompose.runtime.EngineConnection.encoded;
import static dev.jcompose.runtime.EngineConnection.withLabelFilter;
import static com.github.dockerjava.transport.DockerHttpClient.Request.Method.DELETE;
import static com.github.dockerjava.transport.DockerHttpClient.Request.Method.POST;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.NetworkSpec;
import dev.jcompose.planner.engine.NetworkSummary;
import dev.jcompose.planner.engine.VolumeSpec;
import dev.jcompose.planner.engine.VolumeSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Networks and volumes on the Engine API: listed, inspected, created and removed. */
final class DockerNetworks {

    private final EngineConnection api;

    DockerNetworks(EngineConnection api) {
        this.api = api;
    }

    List<NetworkSummary> listNetworks(Map<String, String> labels) {
        // networks and volumes as JSON trees too, for the reason given at listContainers
        JsonNode list = api.getJson(withLabelFilter("/networks", labels), "listing networks");
        List<NetworkSummary> out = new ArrayList<>();
        if (list != null) {
            list.forEach(n -> out.add(EngineAnswers.network(n)));
        }
        return out;
    }


    Optional<NetworkSummary> inspectNetwork(String name) {
        return Optional.ofNullable(api.getJson("/networks/" + name, "inspecting network " + name))
                .map(EngineAnswers::network);
    }

    void createNetwork(NetworkSpec spec) {
        try {
            api.request(POST, "/networks/create", NetworkBodies.network(spec));
        } catch (EngineException e) {
            throw api.isPodman() ? PodmanAnswers.conflict(e) : e;
        }
    }

    void removeNetwork(String name) {
        try {
            api.send(DELETE, "/networks/" + encoded(name));
        } catch (EngineException e) {
            if (e.getMessage() != null && e.getMessage().contains("has active endpoints")
                    && attachedContainers(name) == 0) {
                throw new EngineException("network " + name + " cannot be removed: the engine "
                        + "still counts an endpoint on it although no container is attached. "
                        + "This is a Docker Engine bug (moby/moby#42119, seen with 20.10 when "
                        + "many containers stop at once); restarting the engine clears it, and "
                        + "running down again then removes the network.", e);
            }
            throw e;
        }
    }

    /** How many containers the engine lists on network {@code name} (-1 when it cannot tell). */
    private int attachedContainers(String name) {
        try {
            JsonNode network = api.getJson("/networks/" + encoded(name),
                    "inspecting network " + name);
            return network == null ? 0 : network.path("Containers").size();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    List<VolumeSummary> listVolumes(Map<String, String> labels) {
        JsonNode list = api.getJson(withLabelFilter("/volumes", labels), "listing volumes");
        List<VolumeSummary> out = new ArrayList<>();
        if (list != null) {
            list.path("Volumes").forEach(v -> out.add(EngineAnswers.volume(v)));
        }
        return out;
    }

    Optional<VolumeSummary> inspectVolume(String name) {
        return Optional.ofNullable(api.getJson("/volumes/" + name, "inspecting volume " + name))
                .map(EngineAnswers::volume);
    }

    void createVolume(VolumeSpec spec) {
        try {
            api.request(POST, "/volumes/create", NetworkBodies.volume(spec));
        } catch (EngineException e) {
            throw api.isPodman() ? PodmanAnswers.conflict(e) : e;
        }
    }

    void removeVolume(String name) {
        api.send(DELETE, "/volumes/" + encoded(name));
    }
}
