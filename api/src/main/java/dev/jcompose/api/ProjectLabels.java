package dev.jcompose.api;

import dev.jcompose.model.Network;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.Volume;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels a {@link ComposeProject}'s builder asks for ({@link ComposeProjectBuilder#label}),
 * added to the project as loaded: on every service, and on each network and volume the project
 * creates (not the external ones).
 */
final class ProjectLabels {

    private ProjectLabels() {
    }

    /** {@code project} with {@code labels} added (they win over the files' labels). */
    static Project added(Project project, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return project;
        }
        Map<String, Service> services = new LinkedHashMap<>();
        project.services().forEach((k, s) -> services.put(k,
                s.withLabels(merged(s.labels(), labels))));
        Map<String, Network> networks = new LinkedHashMap<>();
        project.networks().forEach((k, n) -> networks.put(k, n.isExternal() ? n
                : n.withLabels(merged(n.labels(), labels))));
        Map<String, Volume> volumes = new LinkedHashMap<>();
        project.volumes().forEach((k, v) -> volumes.put(k,
                Boolean.TRUE.equals(v.external()) ? v
                        : v.withLabels(merged(v.labels(), labels))));
        Project p = project.withServices(services);
        p = p.withNetworks(networks);
        return p.withVolumes(volumes);
    }

    private static Map<String, String> merged(Map<String, String> own,
            Map<String, String> labels) {
        Map<String, String> m = new LinkedHashMap<>(own);
        m.putAll(labels);
        return m;
    }
}
