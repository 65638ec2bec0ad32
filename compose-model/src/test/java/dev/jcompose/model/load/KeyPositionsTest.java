package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.tree.YamlPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a key of a loaded project was written: the last file that sets it, else its parent. */
class KeyPositionsTest {

    @TempDir
    Path dir;

    private String find(List<Path> files, Object... path) {
        return KeyPositions.find(files, YamlPath.of(path)).toString();
    }

    @Test
    void theLastFileThatSetsTheKeyElseTheNearestKeyAFileSets() throws IOException {
        Path base = Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: busybox
                    healthcheck:
                      start_interval: 1s
                    ports: ["80", "81"]
                  db:
                    extends: {file: other.yaml, service: base}
                """);
        Path override = Files.writeString(dir.resolve("override.yaml"), """
                services:
                    web:
                        healthcheck: {start_interval: 2s}
                """);
        List<Path> both = List.of(base, override);
        assertEquals(base + ":5:7", find(List.of(base), "services", "web", "healthcheck",
                "start_interval"));
        assertEquals(override + ":3:23", find(both, "services", "web", "healthcheck",
                "start_interval"));
        assertEquals(base + ":6:19", find(both, "services", "web", "ports", 1));
        // set through extends: the service that extends is named
        assertEquals(base + ":7:3", find(both, "services", "db", "healthcheck",
                "start_interval"));
        assertEquals(override + ":1:1", find(both, "services", "absent"));
        assertEquals(base.toString(), find(both, "volumes"));
        Files.delete(override);
        assertEquals(base + ":3:5", find(both, "services", "web", "image"));
    }
}
