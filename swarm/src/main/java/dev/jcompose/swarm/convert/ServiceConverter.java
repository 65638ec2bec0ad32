package dev.jcompose.swarm.convert;

import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.Driver;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.TaskSpec;
import dev.jcompose.model.Deploy;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import java.util.List;
import java.util.Map;

/**
 * One compose service as a swarm service spec, assembled from the converters of each concern.
 * Pure: the same project, objects and IDs give the same spec, so a second deploy can compare
 * it with what the swarm holds.
 */
public final class ServiceConverter {

    private ServiceConverter() {
    }

    /**
     * The spec of {@code s}.
     *
     * @param objects the stack's networks, secrets and configs (for their names)
     * @param ids     the engine IDs of those objects
     */
    public static ServiceSpec convert(Namespace ns, Project project, Service s,
            StackObjects objects, Ids ids) {
        Deploy d = s.deploy();
        ContainerSpec container = Containers.of(ns, s)
                .withHealthCheck(Healthchecks.of(s.healthcheck()))
                .withMounts(orNull(Mounts.of(ns, s, project.volumes())))
                .withSecrets(orNull(FileObjects.secretRefs(s, objects.secrets(), ids)))
                .withConfigs(orNull(FileObjects.configRefs(s, objects.configs(), ids)));
        TaskSpec task = new TaskSpec()
                .withContainerSpec(container)
                .withResources(ServiceResources.of(s))
                .withRestartPolicy(RestartPolicies.of(s.restart(),
                        d == null ? null : d.restartPolicy()))
                .withPlacement(Placements.of(d == null ? null : d.placement()))
                .withNetworks(orNull(Networks.attachments(s, objects.networks(), ids)));
        if (s.logging() != null && s.logging().driver() != null) {
            task.withLogDriver(new Driver().withName(s.logging().driver())
                    .withOptions(s.logging().options().isEmpty() ? null : s.logging().options()));
        }
        Map<String, String> labels = ns.labelled(d == null ? Map.of() : d.labels());
        labels.put(Namespace.IMAGE_LABEL, s.image());
        return new ServiceSpec()
                .withName(ns.scope(s.name()))
                .withLabels(labels)
                .withTaskTemplate(task)
                .withMode(Modes.of(s))
                .withUpdateConfig(UpdateConfigs.of(d == null ? null : d.updateConfig()))
                .withRollbackConfig(UpdateConfigs.of(d == null ? null : d.rollbackConfig()))
                .withEndpointSpec(Endpoints.of(d == null ? null : d.endpointMode(), s.ports()));
    }

    private static <T> List<T> orNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }
}
