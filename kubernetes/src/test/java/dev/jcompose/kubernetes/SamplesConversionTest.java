package dev.jcompose.kubernetes;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The repository's samples as Kubernetes objects, against golden files. */
class SamplesConversionTest {

    @Test
    void quickstart() throws Exception {
        Manifests m = KubernetesConverter.convert(Projects.load(
                Projects.REPO.resolve("samples/quickstart/compose.yaml"), Map.of()),
                ConvertOptions.defaults());
        Golden.check("samples/quickstart.yaml", Projects.render(m));
    }

    @Test
    void junitSample() throws Exception {
        Path file = Projects.REPO.resolve("samples/junit/src/test/resources/compose.yaml");
        Manifests m = KubernetesConverter.convert(Projects.load(file, Map.of()),
                ConvertOptions.defaults().withNamespace("junit-sample"));
        Golden.check("samples/junit.yaml", Projects.render(m));
    }
}
