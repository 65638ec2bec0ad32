package dev.jcompose.junit5;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the engine holds for a project, read through docker-java directly (independent of the
 * code under test), and a cleanup for what a failed test may leave.
 */
final class EngineState {

    private EngineState() {
    }

    private static DockerClient docker() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).build());
    }

    /** Names of the project's containers, networks and volumes. */
    static List<String> resources(String project) {
        String label = "com.docker.compose.project=" + project;
        List<String> out = new ArrayList<>();
        try (DockerClient docker = docker()) {
            docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("com.docker.compose.project", project)).exec()
                    .forEach(c -> out.add("container " + c.getNames()[0]));
            docker.listNetworksCmd().withFilter("label", List.of(label)).exec()
                    .forEach(n -> out.add("network " + n.getName()));
            var volumes = docker.listVolumesCmd().withFilter("label", List.of(label)).exec()
                    .getVolumes();
            if (volumes != null) {
                volumes.forEach(v -> out.add("volume " + v.getName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Removes whatever a project left (for a test's finally). */
    static void remove(String project) {
        if (project == null) {
            return;
        }
        String label = "com.docker.compose.project=" + project;
        try (DockerClient docker = docker()) {
            docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("com.docker.compose.project", project)).exec()
                    .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true)
                            .withRemoveVolumes(true).exec());
            docker.listNetworksCmd().withFilter("label", List.of(label)).exec()
                    .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
            var volumes = docker.listVolumesCmd().withFilter("label", List.of(label)).exec()
                    .getVolumes();
            if (volumes != null) {
                volumes.forEach(v -> docker.removeVolumeCmd(v.getName()).exec());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
