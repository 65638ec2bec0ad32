package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineInfo;
import dev.jcompose.planner.fake.BaseImage;
import dev.jcompose.planner.fake.EngineContract;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine contract, run against the real Docker engine. */
class DockerEngineIT extends EngineContract {

    private static DockerEngine engine;

    @BeforeAll
    static void start() {
        BaseImage.ensure();
        engine = DockerEngine.fromEnvironment();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Override
    protected Engine engine() {
        return engine;
    }

    @Override
    protected String image() {
        return BaseImage.NAME;
    }

    /** The engine's version as {@code docker version} reports it, read from the raw API. */
    @Test
    void theEngineTellsItsVersion() throws Exception {
        Process docker = new ProcessBuilder("docker", "version", "--format",
                "{{.Server.Version}} {{.Server.APIVersion}} {{.Server.Os}}")
                .redirectErrorStream(true).start();
        String expected = new String(docker.getInputStream().readAllBytes()).strip();
        assertEquals(0, docker.waitFor(), expected);
        EngineInfo info = engine.info();
        assertEquals(expected, info.version() + " " + info.apiVersion() + " " + info.os());
    }

    /** ps's prefetch (every compose container, taken early) answers as the engine would. */
    @Test
    void aPrefetchedListingAnswersTheFirstListingAsTheEngineWould() {
        String project = "prefetch-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> labels = Map.of(Labels.PROJECT, project);
        List<String> ids = new java.util.ArrayList<>();
        try {
            for (String name : List.of("running", "created")) {
                ids.add(engine.createContainer(new ContainerSpec(project + "-" + name,
                        BaseImage.NAME, List.of("sleep", "300"), null, List.of(), labels, null,
                        null, null, List.of(), List.of(), List.of(), null, List.of(), null,
                        null)));
            }
            engine.startContainer(ids.get(0));
            for (boolean includeStopped : List.of(false, true)) {
                try (DockerEngine fresh = DockerEngine.fromEnvironment()) {
                    fresh.prefetchContainers(includeStopped);
                    List<String> prefetched = ids(fresh.listContainers(labels, includeStopped));
                    assertEquals(ids(engine.listContainers(labels, includeStopped)), prefetched);
                    assertEquals(includeStopped ? 2 : 1, prefetched.size(), prefetched.toString());
                }
            }
        } finally {
            ids.forEach(id -> engine.removeContainer(id, true, true));
        }
    }

    private static List<String> ids(List<ContainerSummary> containers) {
        return containers.stream().map(ContainerSummary::id).toList();
    }
}
