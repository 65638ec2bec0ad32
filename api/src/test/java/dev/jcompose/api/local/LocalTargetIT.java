package dev.jcompose.api.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.api.ComposeService;
import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.PsOptions;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.fake.BaseImage;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.runtime.DockerEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The local target on the real engine. */
class LocalTargetIT {

    /**
     * Every project's containers, as the CLI's ps prefetch takes them, hold a project's as
     * {@code ps} of that project lists them.
     */
    @Test
    void everyProjectsContainersHoldEachProjectsAsPsListsThem() {
        BaseImage.ensure();
        String project = "prefetch-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> labels = Map.of(Labels.PROJECT, project, Labels.SERVICE, "app");
        List<String> ids = new ArrayList<>();
        try (DockerEngine engine = DockerEngine.fromEnvironment();
                LocalTarget target = LocalTarget.fromEnvironment(System.getenv())) {
            try {
                for (String name : List.of("running", "created")) {
                    ids.add(engine.createContainer(ContainerSpec.builder(project + "-" + name,
                            BaseImage.NAME).command(List.of("sleep", "300")).labels(labels)
                            .build()));
                }
                engine.startContainer(ids.get(0));
                ComposeService service = target.service(ProgressListener.NONE);
                for (boolean all : List.of(false, true)) {
                    List<String> own = names(service.ps(project, new PsOptions(all, List.of())));
                    List<String> picked = names(service.psAllProjects(new PsOptions(all,
                            List.of())).stream().filter(c -> project.equals(c.project()))
                            .toList());
                    assertEquals(own, picked);
                    assertEquals(all ? 2 : 1, picked.size(), picked.toString());
                }
            } finally {
                ids.forEach(id -> engine.removeContainer(id, true, true));
            }
        }
    }

    private static List<String> names(List<ContainerInfo> containers) {
        return containers.stream().map(ContainerInfo::name).toList();
    }
}
