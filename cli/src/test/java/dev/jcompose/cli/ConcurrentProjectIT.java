package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.fake.BaseImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two jcompose processes on one project at once, as CI scripts start them, on the real engine:
 * both end without a crash, nothing is made twice (one network of the name, one container per
 * replica) and the project ends as one of the two commands leaves it. The project's lock on
 * the engine (a volume) is gone afterwards.
 */
class ConcurrentProjectIT {

    @TempDir
    Path dir;

    @RegisterExtension
    final EngineProject engineProject = new EngineProject("race");
    private final String project = engineProject.name();
    private final List<String> up = List.of(project + "-a-1 running", project + "-b-1 running",
            "network " + project + "_default");

    @Test
    void concurrentUpsDownsAndUpWithDownConverge() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  a:
                    image: %1$s
                    command: ["sleep", "300"]
                    stop_grace_period: 1s
                  b:
                    image: %1$s
                    command: ["sleep", "300"]
                    stop_grace_period: 1s
                    depends_on: [a]
                """.formatted(BaseImage.NAME));
        together(List.of("up", "-d"), List.of("up", "-d"));
        assertEquals(up, Processes.resources(project), "two ups at once");

        together(List.of("down"), List.of("down"));
        assertEquals(List.of(), Processes.resources(project), "two downs at once");

        together(List.of("up", "-d"), List.of("down"));
        List<String> after = Processes.resources(project);
        assertTrue(after.equals(up) || after.isEmpty(), "up and down at once: " + after);
        assertEquals("", Processes.docker("volume", "ls", "-q", "--filter",
                "label=dev.jcompose.lock=" + project).strip(), "the lock is released");
    }

    /** Starts both commands at once, waits for both, asserts both succeeded. */
    private void together(List<String> first, List<String> second) throws Exception {
        Process one = start(first);
        Process two = start(second);
        String outOne = new String(one.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String outTwo = new String(two.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(one.waitFor(90, TimeUnit.SECONDS) && two.waitFor(90, TimeUnit.SECONDS));
        assertEquals(0, one.exitValue(), first + "\n" + outOne);
        assertEquals(0, two.exitValue(), second + "\n" + outTwo);
    }

    private Process start(List<String> args) throws IOException {
        return Processes.jcompose(dir, project, Map.of(), args);
    }
}
