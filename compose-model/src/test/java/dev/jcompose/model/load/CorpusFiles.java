package dev.jcompose.model.load;

import dev.jcompose.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The compose files of the conformance corpus, and each loaded alone in its folder. */
final class CorpusFiles {

    private CorpusFiles() {
    }

    /** Every {@code .yml}/{@code .yaml} file under the corpus's {@code fixtures/}, sorted. */
    static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(CorpusCasesTest.corpus().resolve("fixtures"))) {
            return walk.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList();
        }
    }

    /** {@code file} loaded as the only file of a project named corpus, or null if refused. */
    static Project loadAlone(Path file) {
        try {
            return ComposeLoader.load(LoadOptions.builder().workingDir(file.getParent())
                    .file(file).projectName("corpus").processEnv(Map.of())
                    .warnings(problem -> { }).build());
        } catch (RuntimeException invalid) {
            return null;
        }
    }
}
