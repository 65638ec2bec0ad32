package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which engine answers, from its headers and from {@code /version}, as the engines send them. */
class EngineIdentityTest {

    @Test
    void theHeadersOfAnyAnswerNameTheEngine() {
        assertEquals(new EngineIdentity(EngineIdentity.Kind.DOCKER, "26.1.5+dfsg1", "1.45"),
                EngineIdentity.fromHeaders("Docker/26.1.5+dfsg1 (linux)", "1.45"));
        assertEquals(new EngineIdentity(EngineIdentity.Kind.PODMAN, "4.3.1", "1.41"),
                EngineIdentity.fromHeaders("Libpod/4.3.1 (linux)", "1.41"));
        assertNull(EngineIdentity.fromHeaders("nginx/1.25", "1.41"));
        assertNull(EngineIdentity.fromHeaders("Docker/20.10.24 (linux)", null));
    }

    @Test
    void versionNamesPodmanByItsComponent() throws IOException {
        // the start of what `GET /version` answers on Podman 4.3.1 and on Docker 26.1.5
        String podman = """
                {"Platform":{"Name":"linux/amd64/debian-12"},"Components":[{"Name":"Podman \
                Engine","Version":"4.3.1","Details":{"APIVersion":"4.3.1"}},{"Name":"Conmon",\
                "Version":"conmon version 2.1.6"}],"Version":"4.3.1","ApiVersion":"1.41",\
                "MinAPIVersion":"1.24","Os":"linux"}""";
        String docker = """
                {"Platform":{"Name":""},"Components":[{"Name":"Engine","Version":"26.1.5+dfsg1"},\
                {"Name":"containerd","Version":"1.7.24~ds1"}],"Version":"26.1.5+dfsg1",\
                "ApiVersion":"1.45","MinAPIVersion":"1.24","Os":"linux"}""";
        EngineIdentity p = EngineIdentity.fromVersion(JsonTrees.read(
                podman.getBytes(StandardCharsets.UTF_8)));
        EngineIdentity d = EngineIdentity.fromVersion(JsonTrees.read(
                docker.getBytes(StandardCharsets.UTF_8)));
        assertEquals("Podman 4.3.1 1.41", p.kind() + " " + p.version() + " " + p.apiVersion());
        assertEquals("Docker 26.1.5+dfsg1 1.45",
                d.kind() + " " + d.version() + " " + d.apiVersion());
    }

    @Test
    void apiVersionsCompareNumberByNumber() {
        assertTrue(new EngineIdentity(EngineIdentity.Kind.DOCKER, "26", "1.45").speaks("1.44"));
        assertTrue(new EngineIdentity(EngineIdentity.Kind.DOCKER, "25", "1.44").speaks("1.44"));
        assertFalse(new EngineIdentity(EngineIdentity.Kind.DOCKER, "20", "1.41").speaks("1.44"));
        assertTrue(ApiVersion.compare("1.9", "1.41") < 0);
        assertEquals(0, ApiVersion.compare("1.44", "1.44.0"));
    }

    @Test
    void aPortPublishedOnEveryAddressIsOnZeroZeroZeroZero() {
        assertEquals("0.0.0.0", HostIp.of(null));
        assertEquals("0.0.0.0", HostIp.of(""));
        assertEquals("127.0.0.1", HostIp.of("127.0.0.1"));
        assertEquals("::", HostIp.of("::"));
    }
}
