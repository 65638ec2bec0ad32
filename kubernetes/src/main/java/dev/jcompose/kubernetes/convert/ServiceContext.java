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

    /**
     * {@code file} as users wrote it: relative to the project's directory when inside it or
     * beside it ({@code ../shared/x}), else absolute.
     */
    public String display(String file) {
        java.nio.file.Path p = java.nio.file.Path.of(file);
        java.nio.file.Path dir = project.workingDir();
        if (dir == null || !p.isAbsolute() || !dir.isAbsolute()) {
            return file;
        }
        String relative = dir.relativize(p).toString();
        if (relative.startsWith("../..") || relative.equals("..")) {
            return file;
        }
        return relative.isEmpty() ? "." : relative;
    }

    /** Why {@code file} could not be read, in a few words. */
    public String cannotRead(String file, java.io.IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getMessage();
        return "cannot read " + display(file) + ": " + why;
    }

    public String serviceName() {
        return service.name();
    }

    public String projectName() {
        return project.name();
    }
}
