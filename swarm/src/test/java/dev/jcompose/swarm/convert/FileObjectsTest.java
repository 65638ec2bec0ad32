package dev.jcompose.swarm.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.swarm.Projects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileObjectsTest {

    @TempDir
    Path dir;

    private final Namespace ns = new Namespace("st");

    private Project project(String password) {
        Projects files = new Projects(dir);
        files.write("pw.txt", password);
        return files.load("st", """
                services:
                  web:
                    image: img
                    secrets: [pw, {source: token, target: /etc/token, uid: "100", mode: 0400}]
                    configs: [site, {source: motd, target: motd.txt}]
                  idle: {image: img}
                secrets:
                  pw: {file: pw.txt, labels: {owner: ops}}
                  token: {environment: TOKEN}
                  unused: {file: pw.txt}
                configs:
                  site: {content: "hello"}
                  motd: {external: true, name: shared-motd}
                """, Map.of("TOKEN", "t0k3n"));
    }

    @Test
    void objectsAreNamedByTheirContentAndOnlyThoseInUseAreMade() {
        Project p = project("secret-1");
        Map<String, StackObject> secrets = FileObjects.secrets(ns, p, FileObjects.contentOf(p));
        assertEquals(java.util.Set.of("pw", "token"), secrets.keySet());
        StackObject pw = secrets.get("pw");
        assertEquals("st_pw-f7e7c36e45", pw.name());
        assertEquals("secret-1", new String(pw.data(), StandardCharsets.UTF_8));
        assertEquals(Map.of("com.docker.stack.namespace", "st", "owner", "ops",
                "dev.jcompose.stack.key", "pw"), pw.labels());
        assertEquals("t0k3n", new String(secrets.get("token").data(), StandardCharsets.UTF_8));
        Map<String, StackObject> configs = FileObjects.configs(ns, p, FileObjects.contentOf(p));
        assertTrue(configs.get("site").name().startsWith("st_site-"));
        assertEquals("shared-motd", configs.get("motd").name());
        assertTrue(configs.get("motd").external());
    }

    @Test
    void aChangedFileIsANewObjectAnUnchangedOneTheSame() {
        Project first = project("secret-1");
        String before = FileObjects.secrets(ns, first, FileObjects.contentOf(first)).get("pw")
                .name();
        Project same = project("secret-1");
        assertEquals(before, FileObjects.secrets(ns, same, FileObjects.contentOf(same))
                .get("pw").name());
        Project changed = project("secret-2");
        assertNotEquals(before, FileObjects.secrets(ns, changed,
                FileObjects.contentOf(changed)).get("pw").name());
    }

    @Test
    void aLongNameIsShortenedToSwarmsLimitKeepingTheHash() {
        String name = FileObjects.versioned("x".repeat(80), new byte[] {1});
        assertEquals(64, name.length());
        assertTrue(name.matches("x{53}-[0-9a-f]{10}"), name);
    }

    @Test
    void referencesPointAtTheVersionedObjectsWithTheirFiles() {
        Project p = project("secret-1");
        StackObjects objects = StackObjects.of(ns, p, FileObjects.contentOf(p));
        String pw = objects.secrets().get("pw").name();
        String token = objects.secrets().get("token").name();
        assertEquals(("[{\"File\":{\"Name\":\"pw\",\"UID\":\"0\",\"GID\":\"0\",\"Mode\":292},"
                + "\"SecretID\":\"%s\",\"SecretName\":\"%s\"},"
                + "{\"File\":{\"Name\":\"/etc/token\",\"UID\":\"100\",\"GID\":\"0\",\"Mode\":256},"
                + "\"SecretID\":\"%s\",\"SecretName\":\"%s\"}]").formatted(pw, pw, token, token),
                Specs.json(FileObjects.secretRefs(p.service("web"), objects.secrets(),
                        Ids.NAMES)));
        String site = objects.configs().get("site").name();
        assertEquals(("[{\"File\":{\"Name\":\"motd.txt\",\"UID\":\"0\",\"GID\":\"0\",\"Mode\":292},"
                + "\"ConfigID\":\"shared-motd\",\"ConfigName\":\"shared-motd\"},"
                + "{\"File\":{\"Name\":\"/site\",\"UID\":\"0\",\"GID\":\"0\",\"Mode\":292},"
                + "\"ConfigID\":\"%s\",\"ConfigName\":\"%s\"}]").formatted(site, site),
                Specs.json(FileObjects.configRefs(p.service("web"), objects.configs(),
                        Ids.NAMES)));
    }
}
