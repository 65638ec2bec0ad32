package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Project;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code include}: another project's resources, with its own directory and variables. */
class IncludeTest {

    @TempDir
    Path dir;

    @Test
    void includedServicesKeepTheirOwnDirectoryAndVariables() {
        LoaderFixture f = new LoaderFixture(dir);
        f.write("db/compose.yaml", """
                services:
                  db:
                    build: ./image
                    environment: {WHO: "${WHO}"}
                volumes:
                  data: {}
                """);
        f.write("db/db.env", "WHO=included\n");
        Project p = f.load("""
                include:
                  - path: db/compose.yaml
                    env_file: db/db.env
                services:
                  app:
                    image: busybox
                    depends_on: [db]
                """);
        assertEquals(dir.resolve("db/image").toString(), p.service("db").build().context());
        assertEquals(Map.of("WHO", "included"), p.service("db").environment());
        assertTrue(p.volumes().containsKey("data"));
        assertTrue(p.services().containsKey("app"));
    }

    @Test
    void anIncludeSeesTheParentsEnvironmentOverItsOwnEnvFiles() {
        LoaderFixture f = new LoaderFixture(dir);
        f.write(".env", "FROM_PARENT=parent\nBOTH=parent\n");
        f.write("db/compose.yaml", """
                services:
                  db:
                    image: "db:${FROM_PARENT}-${BOTH}-${OWN}-${SHELL_VAR}"
                """);
        f.write("db/db.env", "BOTH=include\nOWN=${FROM_PARENT}-own\nSHELL_VAR=include\n");
        f.write("web/compose.yaml", "services:\n  web:\n    image: \"web:${BOTH}-${OWN}\"\n");
        f.write("web/.env", "BOTH=web\nOWN=web-own\n");
        Project p = f.load("""
                include:
                  - path: db/compose.yaml
                    env_file: db/db.env
                  - web/compose.yaml
                services:
                  app: {image: busybox}
                """, Map.of("SHELL_VAR", "shell"));
        // the parent's .env and shell win; the include's own files add what they lack
        assertEquals("db:parent-parent-parent-own-shell", p.service("db").image());
        assertEquals("web:parent-web-own", p.service("web").image());
    }

    @Test
    void theIncludingFileMayOverrideWhatItIncludes() {
        LoaderFixture f = new LoaderFixture(dir);
        f.write("other.yaml", "services:\n  web: {image: nginx, command: [a]}\n");
        Project p = f.load("""
                include: [other.yaml]
                services:
                  web:
                    image: busybox
                """);
        assertEquals("busybox", p.service("web").image());
        assertEquals(java.util.List.of("a"), p.service("web").command());
    }

    @Test
    void aCycleIsRefused() {
        LoaderFixture f = new LoaderFixture(dir);
        f.write("a.yaml", "include: [compose.yaml]\nservices:\n  a: {image: busybox}\n");
        ComposeFileException e = assertThrows(ComposeFileException.class, () -> f.load("""
                include: [a.yaml]
                services:
                  main: {image: busybox}
                """));
        assertTrue(e.getMessage().contains("include cycle detected: compose.yaml -> a.yaml -> "
                + "compose.yaml"), e.getMessage());
    }
}
