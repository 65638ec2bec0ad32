package dev.jcompose.kubernetes;

import dev.jcompose.model.Project;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One project with every mapping ({@code src/test/resources/everything}): workload kinds,
 * Services by label, claims, secrets and configs at compose's paths, probes, dependency waits,
 * resources and rollout, labels, hooks, kompose labels, and a warning for each key with no
 * Kubernetes meaning. Each object also passes the Kubernetes OpenAPI schema.
 */
class EverythingConversionTest {

    private static final Path FILE = Path.of("src/test/resources/everything/compose.yaml")
            .toAbsolutePath();

    @Test
    void defaults() throws Exception {
        Project p = Projects.load(FILE, Map.of());
        Manifests m = KubernetesConverter.convert(p, ConvertOptions.defaults());
        m.objects().forEach(OpenApiCheck::check);
        Golden.check("everything/defaults.yaml", Projects.render(m));
    }

    @Test
    void statefulSetsAndPrivilegedWhenAsked() throws Exception {
        Project p = Projects.load(FILE, Map.of());
        Manifests m = KubernetesConverter.convert(p, ConvertOptions.defaults()
                .withStatefulSets(true).withAllowPrivileged(true).withNamespace("asked"));
        m.objects().forEach(OpenApiCheck::check);
        Golden.check("everything/asked.yaml", Projects.render(m));
    }
}
