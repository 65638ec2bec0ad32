package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.engine.EngineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials from a config.json, as the Docker CLI finds them, with real credential helper
 * programs (small shell scripts) on a PATH of their own.
 */
class RegistryAuthTest {

    @TempDir
    Path dir;

    private RegistryAuth auth(String configJson) throws IOException {
        Files.writeString(dir.resolve("config.json"), configJson);
        return RegistryAuth.fromEnvironment(Map.of("DOCKER_CONFIG", dir.toString(),
                "PATH", dir.resolve("bin") + ":/usr/bin:/bin", "HOME", dir.toString()));
    }

    /** A helper that answers {@code Username}/{@code Secret} and logs each call. */
    private void helper(String name, String script) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path p = bin.resolve("docker-credential-" + name);
        Files.writeString(p, "#!/bin/sh\nread url\necho \"$1 $url\" >> " + dir.resolve(name
                + ".calls") + "\n" + script);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private long calls(String helper) throws IOException {
        Path log = dir.resolve(helper + ".calls");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void authsEntriesGiveUserAndPasswordMatchedByHostname() throws IOException {
        RegistryAuth auth = auth("""
                {"auths": {
                  "127.0.0.1:5000": {"auth": "%s"},
                  "https://registry.example.com/v2/": {"username": "u", "password": "p"},
                  "https://index.docker.io/v1/": {"auth": "%s"}
                }}""".formatted(b64("alice:s3:cret"), b64("hub:pw")));
        RegistryAuth.Credentials local = auth.forRegistry("127.0.0.1:5000").orElseThrow();
        assertEquals("alice", local.username());
        assertEquals("s3:cret", local.password());
        assertEquals("127.0.0.1:5000", local.serverAddress());
        assertEquals("u", auth.forRegistry("registry.example.com").orElseThrow().username());
        RegistryAuth.Credentials hub = auth.forRegistry("docker.io").orElseThrow();
        assertEquals("hub", hub.username());
        assertEquals(RegistryAuth.DOCKER_HUB, hub.serverAddress());
        assertEquals(Optional.empty(), auth.forRegistry("127.0.0.1:6000"));
        assertEquals(3, auth.stored().size());
    }

    @Test
    void noConfigurationMeansAnonymous() {
        RegistryAuth auth = RegistryAuth.fromEnvironment(Map.of("DOCKER_CONFIG",
                dir.resolve("absent").toString()));
        assertEquals(Optional.empty(), auth.forRegistry("127.0.0.1:5000"));
        assertTrue(auth.stored().isEmpty());
    }

    @Test
    void credHelpersWinOverCredsStoreAndAreRunOncePerRegistry() throws IOException {
        helper("perhost", "echo '{\"ServerURL\":\"'$url'\",\"Username\":\"bob\","
                + "\"Secret\":\"hunter2\"}'\n");
        helper("store", "echo '{\"ServerURL\":\"'$url'\",\"Username\":\"<token>\","
                + "\"Secret\":\"tok-123\"}'\n");
        RegistryAuth auth = auth("""
                {"credsStore": "store",
                 "credHelpers": {"127.0.0.1:5000": "perhost"},
                 "auths": {"127.0.0.1:5000": {"auth": "%s"}}}""".formatted(b64("file:pw")));
        RegistryAuth.Credentials c = auth.forRegistry("127.0.0.1:5000").orElseThrow();
        assertEquals("bob", c.username());
        assertEquals("hunter2", c.password());
        auth.forRegistry("127.0.0.1:5000");
        assertEquals(1, calls("perhost"));
        assertEquals("get 127.0.0.1:5000", Files.readString(dir.resolve("perhost.calls"))
                .strip());

        RegistryAuth.Credentials token = auth.forRegistry("docker.io").orElseThrow();
        assertNull(token.username());
        assertEquals("tok-123", token.identityToken());
        assertEquals("get " + RegistryAuth.DOCKER_HUB,
                Files.readString(dir.resolve("store.calls")).strip());
    }

    @Test
    void aHelperWithoutCredentialsFallsBackToTheAuthsEntry() throws IOException {
        helper("empty", "echo 'credentials not found in native keychain'\nexit 1\n");
        RegistryAuth auth = auth("""
                {"credsStore": "empty",
                 "auths": {"127.0.0.1:5000": {"auth": "%s"}}}""".formatted(b64("file:pw")));
        assertEquals("file", auth.forRegistry("127.0.0.1:5000").orElseThrow().username());
        assertEquals(Optional.empty(), auth.forRegistry("127.0.0.1:7000"));
        assertEquals(2, calls("empty"));
    }

    @Test
    void failingOrMissingHelpersAreReportedByName() throws IOException {
        helper("broken", "echo 'the keychain is locked' >&2\nexit 3\n");
        RegistryAuth broken = auth("{\"credsStore\": \"broken\"}");
        EngineException e = assertThrows(EngineException.ImageFailure.class,
                () -> broken.forRegistry("127.0.0.1:5000"));
        assertEquals("docker-credential-broken get failed for 127.0.0.1:5000 (exit 3): the "
                + "keychain is locked", e.getMessage());

        RegistryAuth missing = auth("{\"credHelpers\": {\"127.0.0.1:5000\": \"nothere\"}}");
        EngineException m = assertThrows(EngineException.ImageFailure.class,
                () -> missing.forRegistry("127.0.0.1:5000"));
        assertTrue(m.getMessage().contains("docker-credential-nothere is not on the PATH"),
                m.getMessage());
    }

    @Test
    void badConfigurationIsReportedWithItsPath() throws IOException {
        RegistryAuth notJson = auth("{ not json");
        EngineException e = assertThrows(EngineException.ImageFailure.class,
                () -> notJson.forRegistry("127.0.0.1:5000"));
        assertTrue(e.getMessage().startsWith("cannot read the registry credentials in "
                + dir.resolve("config.json")), e.getMessage());
        RegistryAuth badAuth = auth("{\"auths\": {\"h:1\": {\"auth\": \"" + b64("nocolon")
                + "\"}}}");
        EngineException b = assertThrows(EngineException.ImageFailure.class,
                () -> badAuth.forRegistry("h:1"));
        assertTrue(b.getMessage().endsWith("the auth of h:1 is not base64 of user:password"),
                b.getMessage());
    }

    @Test
    void registryKeysAreNormalised() {
        assertEquals(RegistryAuth.DOCKER_HUB, RegistryAuth.serverAddress("docker.io"));
        assertEquals(RegistryAuth.DOCKER_HUB, RegistryAuth.serverAddress("index.docker.io"));
        assertEquals("host:5000", RegistryAuth.serverAddress("https://host:5000/v2/"));
        assertEquals("host:5000", RegistryAuth.hostname("http://host:5000"));
    }
}
