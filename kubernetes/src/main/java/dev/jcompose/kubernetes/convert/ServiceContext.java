package dev.jcompose.kubernetes.convert;

import dev.jcompose.kubernetes.ConvertOptions;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * What a transformer reads: the project, the service being converted, the options, and where
 * to report what cannot be converted.
 *
 * @param objects the project's objects so far: a transformer adds the claims, Secrets and
 *                Services it makes
 * @param files   reads the files secrets, configs and mounted files come from
 */
public record ServiceContext(Project project, Service service, ConvertOptions options,
        String namespace, KomposeLabels kompose, Findings findings, ObjectSet objects,
        FileSource files) {

    /** The path of {@code keys} under this service: {@code services.web.ports[0]}. */
    public YamlPath path(Object... keys) {
        List<Object> segments = new ArrayList<>(List.of("services", service.name()));
        segments.addAll(List.of(keys));
        return new YamlPath(segments);
    }

    /** A warning about {@code keys} under this service. */
    public void warn(String message, Object... keys) {
        findings.warn(path(keys), message);
    }

    public String serviceName() {
        return service.name();
    }

    public String projectName() {
        return project.name();
    }
}
