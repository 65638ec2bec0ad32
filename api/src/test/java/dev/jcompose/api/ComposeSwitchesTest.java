package dev.jcompose.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.local.LocalTarget;
import dev.jcompose.planner.fake.InMemoryEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The COMPOSE_* switches, read at the edge from the project's environment and the flags. */
class ComposeSwitchesTest {

    @TempDir
    Path dir;

    @Test
    void orphanSwitchesComeFromTheFlagOrTheEnvironment() {
        assertEquals(OrphanPolicy.WARN, ComposeSwitches.orphans(false, Map.of()));
        assertEquals(OrphanPolicy.REMOVE, ComposeSwitches.orphans(true, Map.of()));
        assertEquals(OrphanPolicy.REMOVE, ComposeSwitches.orphans(false,
                Map.of("COMPOSE_REMOVE_ORPHANS", "1")));
        assertEquals(OrphanPolicy.IGNORE, ComposeSwitches.orphans(false,
                Map.of("COMPOSE_IGNORE_ORPHANS", "true")));
        ComposeException both = assertThrows(ComposeException.class, () ->
                ComposeSwitches.orphans(true, Map.of("COMPOSE_IGNORE_ORPHANS", "TRUE")));
        assertEquals("COMPOSE_IGNORE_ORPHANS and --remove-orphans cannot be combined",
                both.getMessage());
        assertTrue(ComposeSwitches.compatibility(true, Map.of()));
        assertTrue(ComposeSwitches.compatibility(false, Map.of("COMPOSE_COMPATIBILITY", "t")));
        assertFalse(ComposeSwitches.compatibility(false, Map.of("COMPOSE_COMPATIBILITY", "0")));
    }

    @Test
    void theJavaApiReadsThemFromTheProjectsEnvironment() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web: {image: img, command: ["sleep"]}
                """);
        Files.writeString(dir.resolve(".env"), "COMPOSE_COMPATIBILITY=true\n");
        InMemoryEngine engine = new InMemoryEngine().withImage("img");
        try (ComposeProject p = Compose.project(dir.resolve("compose.yaml"))
                .inheritEnvironment(false).projectName("demo")
                .target(LocalTarget.on(engine)).build()) {
            p.up();
            assertEquals("demo_web_1", p.ps().get(0).name());
        }
    }
}
