package dev.jcompose.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test cleanup straight through docker-java, independent of the code under test: removes every
 * container, network, volume and image labelled with a project.
 */
final class Cleanup {

    private Cleanup() {
    }

    static DockerClient docker() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).build());
    }

    static void project(String project) {
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
            // images built for the project carry its label
            docker.listImagesCmd().withLabelFilter(Map.of("com.docker.compose.project", project))
                    .exec().forEach(i -> docker.removeImageCmd(i.getId()).withForce(true).exec());
            // and images built without an image: key are named {project}-{service}
            docker.listImagesCmd().exec().stream()
                    .flatMap(i -> i.getRepoTags() == null ? Stream.empty()
                            : Arrays.stream(i.getRepoTags()))
                    .filter(tag -> tag.startsWith(project + "-"))
                    .forEach(tag -> docker.removeImageCmd(tag).exec());
        } catch (Exception e) {
            throw new IllegalStateException("cleanup of project " + project + " failed", e);
        }
    }
}
