package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extends}: in the same file, in another file, chained; cycles and missing bases. */
class ExtendsTest {

    @TempDir
    Path dir;

    @Test
    void aServiceIsItsBaseMergedWithItsOwnKeysAlongTheChain() {
        Project p = new LoaderFixture(dir).load("""
                services:
                  base:
                    image: busybox
                    environment: {A: "1", B: "1"}
                    command: ["base"]
                  middle:
                    extends: base
                    environment: {B: "2"}
                  web:
                    extends: {service: middle}
                    command: ["web"]
                    ports: ["80:80"]
                """);
        Service web = p.service("web");
        assertEquals("busybox", web.image());
        assertEquals(Map.of("A", "1", "B", "2"), web.environment());
        assertEquals(List.of("web"), web.command());
        assertEquals(1, web.ports().size());
        assertEquals(List.of("base"), p.service("base").command());
    }

    @Test
    void aBaseInAnotherDirectoryKeepsItsPathsPointingWhereTheyPointed() {
        LoaderFixture f = new LoaderFixture(dir);
        f.write("common/services.yaml", """
                services:
                  app:
                    build: ./app
                    env_file: [app.env]
                    volumes: ["./data:/data"]
                """);
        f.write("common/app.env", "FROM_FILE=yes\n");
        Project p = f.load("""
                services:
                  web:
                    extends:
                      file: common/services.yaml
                      service: app
                    environment: {OWN: "1"}
                """);
        Service web = p.service("web");
        assertEquals(dir.resolve("common/app").toString(), web.build().context());
        assertEquals("yes", web.environment().get("FROM_FILE"));
        assertEquals(dir.resolve("common/data").toString(), web.volumes().get(0).source());
    }

    @Test
    void aCycleIsRefusedWithTheCycle() {
        ComposeFileException e = assertThrows(ComposeFileException.class,
                () -> new LoaderFixture(dir).load("""
                        services:
                          a:
                            extends: b
                            image: busybox
                          b:
                            extends: a
                        """));
        assertTrue(e.getMessage().contains("extends cycle: compose.yaml:a -> compose.yaml:b "
                + "-> compose.yaml:a"), e.getMessage());
        assertTrue(e.getMessage().contains("compose.yaml:3"), e.getMessage());
    }

    @Test
    void aMissingBaseNamesTheServiceAndTheFile() {
        ComposeFileException e = assertThrows(ComposeFileException.class,
                () -> new LoaderFixture(dir).load("""
                        services:
                          web:
                            extends: {service: nope}
                        """));
        assertTrue(e.getMessage().contains("services.web.extends.service: service \"web\" "
                + "extends \"nope\", which is not a service of compose.yaml"), e.getMessage());
    }
}
