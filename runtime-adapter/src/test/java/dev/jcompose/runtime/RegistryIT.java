package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ImageProgress;
import dev.jcompose.planner.engine.ImageSummary;
import dev.jcompose.planner.fake.BaseImage;
import dev.jcompose.planner.fake.TestRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push and pull through the real engine to real registries (Debian's docker-registry), one open
 * and one behind htpasswd authentication, with credentials from a config.json: an auths entry,
 * or a credential helper program.
 */
class RegistryIT {

    @TempDir
    static Path dir;

    private static TestRegistry open;
    private static TestRegistry secured;
    private static DockerEngine anonymous;
    private final String repo = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> created = new ArrayList<>();
    private final List<DockerEngine> engines = new ArrayList<>();

    /** An event from an image operation. */
    record Update(String id, String status, long current, long total) { }

    @BeforeAll
    static void start() {
        BaseImage.ensure();
        open = TestRegistry.open(dir.resolve("open"));
        secured = TestRegistry.withAuth(dir.resolve("secured"), "alice", "s3cret-pw");
        anonymous = engine(dir.resolve("no-config"), Map.of());
    }

    @AfterAll
    static void stop() {
        anonymous.close();
        if (open != null) {
            open.close();
        }
        if (secured != null) {
            secured.close();
        }
    }

    @AfterEach
    void removeTags() {
        for (String ref : created) {
            try {
                anonymous.removeImage(ref);
            } catch (EngineException e) {
                // never pulled back, or already removed
            }
        }
        engines.forEach(DockerEngine::close);
    }

    private static DockerEngine engine(Path configDir, Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("DOCKER_CONFIG", configDir.toString());
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        env.putAll(extra);
        return DockerEngine.at(DockerHosts.resolve(System.getenv()), env);
    }

    private DockerEngine engineWithConfig(String json, Map<String, String> extra)
            throws IOException {
        Path config = Files.createDirectories(dir.resolve("config-" + repo + "-"
                + engines.size()));
        Files.writeString(config.resolve("config.json"), json);
        DockerEngine e = engine(config, extra);
        engines.add(e);
        return e;
    }

    private String tagged(TestRegistry registry, String tag) {
        String ref = registry.host() + "/" + repo + "/base:" + tag;
        anonymous.tagImage(BaseImage.NAME, ref);
        created.add(ref);
        return ref;
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pushThenPullWithLayerProgress() throws Exception {
        // an image of its own, with a layer of random bytes, so the pull downloads something
        String ref = open.host() + "/" + repo + "/app:1";
        created.add(ref);
        Path context = Files.createDirectories(dir.resolve("ctx-" + repo));
        anonymous.buildImage(new dev.jcompose.planner.engine.BuildSpec(context, null,
                "FROM " + BaseImage.NAME + "\nRUN head -c 400000 /dev/urandom > /blob\n",
                Map.of(), null, List.of(ref), Map.of(), false, false, null, List.of(), null,
                null, List.of()), ImageProgress.NONE);
        String id = anonymous.imageId(ref).orElseThrow();
        List<Update> pushed = new CopyOnWriteArrayList<>();
        anonymous.pushImage(ref, (layer, status, current, total) -> pushed.add(new Update(layer,
                status, current, total)));
        assertTrue(pushed.stream().anyMatch(u -> u.status().equals("Pushed")), pushed.toString());
        assertTrue(open.get(repo + "/app/tags/list").body().contains("\"1\""));

        anonymous.removeImage(ref);
        assertTrue(anonymous.inspectImage(id).isEmpty(), "the image is gone, layers and all");
        List<Update> pulled = new CopyOnWriteArrayList<>();
        Instant before = Instant.now().minusSeconds(5);
        anonymous.pullImage(ref, (layer, status, current, total) -> pulled.add(new Update(layer,
                status, current, total)));
        ImageSummary img = anonymous.inspectImage(ref).orElseThrow();
        assertEquals(id, img.id());
        assertTrue(img.lastTagged() != null && img.lastTagged().isAfter(before),
                "the pull time is known (recorded by us: the engine leaves it empty): " + img);
        assertTrue(Files.readString(dir.resolve("state/jcompose/pulls.properties"))
                .contains(id.substring("sha256:".length())), "the pull is recorded with its id");
        assertTrue(pulled.stream().anyMatch(u -> u.status().equals("Downloading")
                && u.current() > 0 && u.total() >= u.current()), pulled.toString());
        assertTrue(pulled.stream().anyMatch(u -> u.status().equals("Pull complete")),
                pulled.toString());
        assertTrue(pulled.stream().allMatch(u -> !u.id().isEmpty()), pulled.toString());
    }

    @Test
    void aMissingTagOrRegistryIsReportedWithTheRegistrysReason() throws Exception {
        String missing = open.host() + "/" + repo + "/absent:9";
        EngineException e = assertThrows(EngineException.ImageFailure.class,
                () -> anonymous.pullImage(missing, ImageProgress.NONE));
        assertEquals("pull of " + missing + " from " + open.host() + " failed: manifest for "
                + missing + " not found: manifest unknown", e.getMessage());

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String nowhere = "127.0.0.1:" + closed + "/" + repo + "/x:1";
        EngineException down = assertThrows(EngineException.ImageFailure.class,
                () -> anonymous.pullImage(nowhere, ImageProgress.NONE));
        assertTrue(down.getMessage().startsWith("pull of " + nowhere + " from 127.0.0.1:" + closed
                + " failed: "), down.getMessage());
        assertTrue(down.getMessage().contains("connection refused"), down.getMessage());
        assertTrue(down.getMessage().endsWith("(is the registry 127.0.0.1:" + closed
                + " running and reachable?)"), down.getMessage());
    }

    @Test
    void anAuthenticatedRegistryNeedsTheRightCredentials() throws Exception {
        String ref = tagged(secured, "1");
        EngineException none = assertThrows(EngineException.ImageFailure.class,
                () -> anonymous.pushImage(ref, ImageProgress.NONE));
        assertTrue(none.getMessage().contains("no basic auth credentials"), none.getMessage());
        assertTrue(none.getMessage().contains("log in with docker login " + secured.host()),
                none.getMessage());

        DockerEngine wrong = engineWithConfig("{\"auths\": {\"" + secured.host()
                + "\": {\"auth\": \"" + basic("alice", "wrong") + "\"}}}", Map.of());
        EngineException refused = assertThrows(EngineException.ImageFailure.class,
                () -> wrong.pushImage(ref, ImageProgress.NONE));
        assertTrue(refused.getMessage().contains("were refused"), refused.getMessage());

        DockerEngine right = engineWithConfig("{\"auths\": {\"http://" + secured.host()
                + "\": {\"auth\": \"" + basic("alice", "s3cret-pw") + "\"}}}", Map.of());
        right.pushImage(ref, ImageProgress.NONE);
        assertEquals(200, secured.get(repo + "/base/tags/list").statusCode());
        anonymous.removeImage(ref);
        EngineException pullRefused = assertThrows(EngineException.ImageFailure.class,
                () -> anonymous.pullImage(ref, ImageProgress.NONE));
        assertTrue(pullRefused.getMessage().contains("no basic auth credentials"),
                pullRefused.getMessage());
        right.pullImage(ref, ImageProgress.NONE);
        assertTrue(anonymous.inspectImage(ref).isPresent());
    }

    @Test
    void credentialHelpersAreRunForTheRegistry() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin-" + repo));
        Path helper = bin.resolve("docker-credential-jctest");
        Path calls = bin.resolve("calls");
        Files.writeString(helper, """
                #!/bin/sh
                read server
                echo "$1 $server" >> %s
                echo '{"ServerURL":"'"$server"'","Username":"alice","Secret":"s3cret-pw"}'
                """.formatted(calls));
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        DockerEngine withHelper = engineWithConfig("{\"credHelpers\": {\"" + secured.host()
                + "\": \"jctest\"}}", Map.of("PATH", bin + ":/usr/bin:/bin"));
        String ref = tagged(secured, "helper");
        withHelper.pushImage(ref, ImageProgress.NONE);
        anonymous.removeImage(ref);
        withHelper.pullImage(ref, ImageProgress.NONE);
        assertTrue(anonymous.inspectImage(ref).isPresent());
        assertEquals(List.of("get " + secured.host()), Files.readAllLines(calls),
                "the helper is asked once per registry");
        assertTrue(Duration.ofSeconds(1).toMillis() > 0);
    }
}
