package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.model.Records;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.fake.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How services become container specs: secrets and configs, names, environment. */
class ContainerSpecsTest {

    @TempDir
    Path dir;

    @Test
    void secretsAndConfigsAreMountedOrWrittenWithTheirOwnersAndModes() throws Exception {
        Files.writeString(dir.resolve("db.pass"), "s3cret");
        Project p = TestProjects.load(dir, "demo", """
                services:
                  app:
                    image: app:1
                    secrets:
                      - db
                      - source: token
                        target: api/token
                        uid: "1005"
                        gid: "1006"
                        mode: 0440
                    configs:
                      - settings
                      - source: settings
                        target: /etc/app.conf
                secrets:
                  db: {file: ./db.pass}
                  token: {environment: TOKEN}
                configs:
                  settings: {content: "level=debug"}
                """);
        p = Records.with(p, "environment", Map.of("TOKEN", "abc"));
        ContainerSpec spec = ContainerSpecs.forService(p, p.service("app"), 1, "h");
        ContainerSpec.Mount db = spec.mounts().stream()
                .filter(m -> m.target().equals("/run/secrets/db")).findFirst().orElseThrow();
        assertEquals(dir.resolve("db.pass").toString(), db.source());
        assertTrue(db.readOnly());
        assertEquals(List.of(
                new ContainerSpec.File("/run/secrets/api/token", "abc", 1005, 1006, 0440),
                new ContainerSpec.File("/settings", "level=debug", 0, 0, 0444),
                new ContainerSpec.File("/etc/app.conf", "level=debug", 0, 0, 0444)),
                spec.files());
    }

    @Test
    void aBareKeySetNowhereUnsetsTheVariableAndCompatibilityNamesWithUnderscores() {
        Project p = TestProjects.load(dir, "demo", """
                services:
                  app:
                    image: app:1
                    environment: [UNSET_ANYWHERE, SET=1]
                """);
        ContainerSpec spec = ContainerSpecs.forService(p, p.service("app"), 2, "h");
        assertTrue(spec.env().contains("UNSET_ANYWHERE"), spec.env().toString());
        assertTrue(spec.env().contains("SET=1"), spec.env().toString());
        assertEquals("demo-app-2", spec.name());
        assertEquals("demo_app_2", ContainerSpecs.forService(p, p.service("app"), 2, "h", true)
                .name());
    }
}
