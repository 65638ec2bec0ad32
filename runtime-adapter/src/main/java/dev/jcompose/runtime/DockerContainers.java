package dev.jcompose.runtime;

import static dev.jcompose.runtime.EngineConnection.encoded;
import static dev.jcompose.runtime.EngineConnection.withLabelFilter;
import static com.github.dockerjava.transport.DockerHttpClient.Request.Method.DELETE;
import static com.github.dockerjava.transport.DockerHttpClient.Request.Method.POST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.HealthSchedule;
import dev.jcompose.planner.engine.ProcessList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Containers on the Engine API: listed and inspected (as JSON trees, with Podman's answers made
 * Docker's), created from a {@link ContainerSpec} ({@link RequestBodies}, completed for the
 * engine's API version by {@link ApiFeatures}), connected to networks, started, stopped, waited
 * for, paused, removed and renamed.
 */
final class DockerContainers {

    private final EngineConnection api;
    private final PodmanHealth podman;
    /** container id + "/" + network: networks a create request attached (API 1.44+). */
    private final Set<String> attachedAtCreate = ConcurrentHashMap.newKeySet();

    DockerContainers(EngineConnection api, PodmanHealth podman) {
        this.api = api;
        this.podman = podman;
    }

    List<ContainerSummary> listContainers(Map<String, String> labels, boolean includeStopped) {
        // read as a JSON tree through the raw API: binding docker-java's Container beans costs
        // Jackson's introspection of a dozen classes on the first list of every command, about
        // 40 ms of CPU in a command that lasts 250 ms (docs/PERFORMANCE.md)
        JsonNode list = api.getJson(withLabelFilter("/containers/json?all=" + includeStopped,
                labels), "listing containers");
        List<ContainerSummary> out = new ArrayList<>();
        if (list != null) {
            list.forEach(c -> out.add(EngineAnswers.container(c)));
        }
        return api.isPodman() ? podman.withHealth(out.stream().map(PodmanAnswers::container)
                .toList(), labels, includeStopped) : out;
    }

    Optional<ContainerSummary> inspectContainer(String idOrName) {
        // a JSON tree, as the lists: docker-java's InspectContainerResponse beans cost Jackson's
        // databind introspection, ~100 ms of CPU on the first dependency wait of an up
        JsonNode inspected = api.getJson("/containers/" + encoded(idOrName) + "/json",
                "inspecting container " + idOrName);
        if (inspected != null && api.isPodman()) {
            PodmanAnswers.dockerState(inspected);
            podman.watch(inspected);
        }
        return Optional.ofNullable(inspected).map(EngineAnswers::inspected)
                .map(c -> api.isPodman() ? PodmanAnswers.container(c) : c);
    }

    Optional<HealthSchedule> healthSchedule(String idOrName) {
        JsonNode h = Optional.ofNullable(api.getJson("/containers/" + encoded(idOrName) + "/json",
                "inspecting container " + idOrName)).map(r -> r.path("Config")
                .path("Healthcheck")).orElse(MissingNode.getInstance());
        JsonNode test = h.path("Test");
        if (!h.isObject() || test.size() > 0 && "NONE".equals(test.get(0).asText())) {
            return Optional.empty();
        }
        return Optional.of(HealthSchedule.of(Duration.ofNanos(h.path("Interval").asLong()),
                Duration.ofNanos(h.path("Timeout").asLong()),
                Duration.ofNanos(h.path("StartPeriod").asLong()), h.path("Retries").asInt()));
    }

    String createContainer(ContainerSpec spec) {
        String query = "?name=" + encoded(spec.name());
        if (spec.platform() != null) {
            query += "&platform=" + encoded(spec.platform());
        }
        EngineIdentity engine = api.identity();
        ApiFeatures.check(spec, engine);
        var body = RequestBodies.container(spec);
        List<String> atCreate = ApiFeatures.adapt(body, spec, engine);
        String id = api.request(POST, "/containers/create" + query, body).path("Id").asText();
        atCreate.forEach(network -> attachedAtCreate.add(id + "/" + network));
        if (!spec.links().isEmpty() && !spec.networks().isEmpty()) {
            // on a user network the links are the endpoint's: the first network is attached
            // again with them
            ContainerSpec.NetworkAttachment first = spec.networks().get(0);
            disconnect(id, first.network(), false);
            connect(id, first, spec.links().stream().map(RequestBodies::link).toList());
        }
        return id;
    }

    void disconnectNetwork(String containerId, String network) {
        disconnect(containerId, network, true);
    }

    private void disconnect(String containerId, String network, boolean force) {
        api.request(POST, "/networks/" + encoded(network) + "/disconnect",
                NetworkBodies.disconnect(containerId, force));
    }

    void connectNetwork(String containerId, ContainerSpec.NetworkAttachment a) {
        if (attachedAtCreate.remove(containerId + "/" + a.network())) {
            return;
        }
        connect(containerId, a, List.of());
    }

    private void connect(String containerId, ContainerSpec.NetworkAttachment a,
            List<String> links) {
        api.request(POST, "/networks/" + encoded(a.network()) + "/connect",
                ApiFeatures.connect(containerId, a, links));
    }

    void startContainer(String containerId) {
        // 304: already running
        api.send(POST, "/containers/" + encoded(containerId) + "/start");
    }

    void stopContainer(String containerId, Duration timeout) {
        // 304: already stopped
        api.send(POST, "/containers/" + encoded(containerId) + "/stop"
                + (timeout == null ? "" : "?t=" + Math.max(0, timeout.toSeconds())));
        listCatchUp(containerId);
    }

    /** Returns once the engine's lists no longer show the stopped container running. */
    private void listCatchUp(String containerId) {
        if (ListCatchUp.needed(api.identity())) {
            ListCatchUp.await(() -> {
                JsonNode listed = api.getJson("/containers/json?filters=" + encoded(
                        JsonTrees.filters(Map.of("id", List.of(containerId)))),
                        "listing containers");
                if (listed == null || listed.isEmpty()) {
                    return false;
                }
                JsonNode inspected = api.getJson("/containers/" + encoded(containerId) + "/json",
                        "inspecting container " + containerId);
                return inspected != null && !inspected.path("State").path("Running").asBoolean();
            });
        }
    }

    void killContainer(String containerId, String signal) {
        api.send(POST, "/containers/" + encoded(containerId) + "/kill"
                + (signal == null ? "" : "?signal=" + encoded(signal)));
    }

    ProcessList top(String containerId) {
        return api.call(() -> {
            var top = api.client().topContainerCmd(containerId).exec();
            List<List<String>> rows = new ArrayList<>();
            if (top.getProcesses() != null) {
                for (String[] p : top.getProcesses()) {
                    rows.add(List.of(p));
                }
            }
            ProcessList out = new ProcessList(top.getTitles() == null ? List.of()
                    : List.of(top.getTitles()), rows);
            return api.identity().isPodman() ? PodmanAnswers.top(out) : out;
        });
    }

    int waitContainer(String containerId) throws InterruptedException {
        if (api.identity().isPodman()) {
            return PodmanWait.await(containerId, () -> inspectContainer(containerId));
        }
        var callback = api.call(() -> api.client().waitContainerCmd(containerId)
                .exec(new com.github.dockerjava.api.command.WaitContainerResultCallback()));
        try {
            int code = callback.awaitStatusCode();
            listCatchUp(containerId);
            return code;
        } catch (com.github.dockerjava.api.exception.DockerClientException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            throw new EngineException(e.getMessage(), e);
        }
    }

    void pauseContainer(String containerId) {
        api.send(POST, "/containers/" + encoded(containerId) + "/pause");
    }

    void unpauseContainer(String containerId) {
        api.send(POST, "/containers/" + encoded(containerId) + "/unpause");
    }

    void removeContainer(String containerId, boolean force, boolean removeVolumes) {
        api.send(DELETE, "/containers/" + encoded(containerId) + "?force=" + force + "&v="
                + removeVolumes);
    }

    void renameContainer(String containerId, String newName) {
        api.send(POST, "/containers/" + encoded(containerId) + "/rename?name=" + encoded(newName));
    }
}
