package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.fake.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * publish to real registries (Debian's docker-registry, open and behind a password) and
 * {@code -f oci://} from them; compose v2 reads what jcompose publishes.
 */
class PublishIT {

    @TempDir
    static Path dir;

    private static TestRegistry open;
    private static TestRegistry secured;

    @BeforeAll
    static void start() {
        open = TestRegistry.open(dir.resolve("open"));
        secured = TestRegistry.withAuth(dir.resolve("secured"), "alice", "s3cret-pw");
    }

    @AfterAll
    static void stop() {
        open.close();
        secured.close();
    }

    private static Path project(String name, String compose) throws Exception {
        Path p = Files.createDirectories(dir.resolve(name));
        Files.writeString(p.resolve("compose.yaml"), compose);
        return p;
    }

    /** The registry's answer to a manifest request, as OCI clients ask. */
    private static java.net.http.HttpResponse<String> manifest(TestRegistry registry,
            String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(registry.url() + "/v2/" + path))
                .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void publishesTheFilesAndEnvFilesThatOciFilesRunFrom() throws Exception {
        Path app = project("app", """
                services:
                  web:
                    image: jcompose/base:latest
                    env_file: app.env
                    environment:
                      GREETING: hi
                """);
        Files.writeString(app.resolve("app.env"), "NOTE=from the env file\n");
        String ref = open.host() + "/team/app:1.0";
        CliRunner.Result pub = new CliRunner(app).stdin("y\n".getBytes(StandardCharsets.UTF_8))
                .run("publish", "--with-env", ref);
        assertEquals(0, pub.exitCode(), pub.toString());
        assertTrue(pub.err().contains("you are about to publish environment files"),
                pub.err());
        // anywhere else: the project named after that directory, the env file's values in
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        CliRunner.Result config = new CliRunner(elsewhere).env("XDG_CACHE_HOME",
                dir.resolve("cache").toString()).run("-f", "oci://" + ref, "config");
        assertEquals(0, config.exitCode(), config.toString());
        assertTrue(config.out().startsWith("name: elsewhere\n"), config.out());
        assertTrue(config.out().contains("NOTE: from the env file")
                && config.out().contains("GREETING: hi"), config.out());
        // no local path leaves the machine: the env file is named by its hash
        var manifest = manifest(open, "team/app/manifests/1.0");
        assertEquals(200, manifest.statusCode(), manifest.body());
        assertTrue(manifest.body().contains("application/vnd.docker.compose.project"),
                manifest.body());
        assertFalse(manifest.body().contains(app.toString()), manifest.body());
    }

    @Test
    void composeV2ReadsWhatJcomposePublishes() throws Exception {
        Path app = project("plain", """
                services:
                  web:
                    image: jcompose/base:latest
                    command: ["echo", "hello"]
                """);
        String ref = open.host() + "/plain:1";
        assertEquals(0, new CliRunner(app).run("publish", ref).exitCode());
        Path elsewhere = Files.createDirectories(dir.resolve("reader"));
        ComposeOracle oracle = new ComposeOracle(elsewhere)
                .env("COMPOSE_EXPERIMENTAL_OCI_REMOTE", "1")
                .env("HOME", dir.resolve("home").toString());
        CliRunner.Result v2 = oracle.v2("-f", "oci://" + ref, "config", "--format", "json");
        assertEquals(0, v2.exitCode(), v2.toString());
        CliRunner.Result mine = oracle.jcompose("-f", "oci://" + ref, "config", "--format",
                "json");
        assertEquals(0, mine.exitCode(), mine.toString());
        assertTrue(v2.out().contains("\"hello\"") && mine.out().contains("\"hello\""),
                v2.out() + "\n" + mine.out());
    }

    @Test
    void asksBeforePublishingBindMountsAndSecretsAndRefusesBuildOnlyServices()
            throws Exception {
        Path app = project("risky", """
                services:
                  db:
                    image: jcompose/base:latest
                    volumes: ["./data:/data"]
                    environment:
                      DB_PASSWORD: hunter2
                      DB_HOST: db
                """);
        String ref = open.host() + "/risky:1";
        CliRunner.Result no = new CliRunner(app).stdin("n\n".getBytes(StandardCharsets.UTF_8))
                .run("publish", ref);
        assertEquals(1, no.exitCode(), no.toString());
        assertTrue(no.err().contains("bind mount") && no.err().contains("./data:/data")
                || no.err().contains(app.resolve("data") + ":/data"), no.err());
        assertEquals(404, manifest(open, "risky/manifests/1").statusCode());
        CliRunner.Result secret = new CliRunner(app).stdin("y\nn\n".getBytes(
                StandardCharsets.UTF_8)).run("publish", ref);
        assertEquals(1, secret.exitCode(), secret.toString());
        assertTrue(secret.err().contains("service \"db\": literal value for \"DB_PASSWORD\"")
                && !secret.err().contains("DB_HOST"), secret.err());
        assertEquals(404, manifest(open, "risky/manifests/1").statusCode());
        assertEquals(0, new CliRunner(app).run("publish", "-y", ref).exitCode());
        assertEquals(200, manifest(open, "risky/manifests/1").statusCode());
        Path build = project("build-only", """
                services:
                  app:
                    build: .
                """);
        CliRunner.Result refused = new CliRunner(build).run("publish", open.host() + "/b:1");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("your Compose stack cannot be published as it only "
                + "contains a build section for service(s):\n- \"app\""), refused.err());
    }

    @Test
    void usesTheDockerCliCredentialsAndSaysWhyARegistryRefuses() throws Exception {
        Path app = project("private", """
                services:
                  web:
                    image: jcompose/base:latest
                """);
        String ref = secured.host() + "/private:1";
        CliRunner.Result anonymous = new CliRunner(app).env("DOCKER_CONFIG",
                dir.resolve("no-config").toString()).run("publish", ref);
        assertEquals(1, anonymous.exitCode());
        assertTrue(anonymous.err().contains("HTTP 401"), anonymous.err());
        Path config = Files.createDirectories(dir.resolve("docker-config"));
        Files.writeString(config.resolve("config.json"), "{\"auths\":{\"" + secured.host()
                + "\":{\"auth\":\"" + Base64.getEncoder().encodeToString(
                        "alice:s3cret-pw".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        CliRunner.Result ok = new CliRunner(app).env("DOCKER_CONFIG", config.toString())
                .run("publish", ref);
        assertEquals(0, ok.exitCode(), ok.toString());
        CliRunner.Result back = new CliRunner(dir.resolve("private")).env("DOCKER_CONFIG",
                config.toString()).env("XDG_CACHE_HOME", dir.resolve("cache").toString())
                .run("-f", "oci://" + ref, "config", "--services");
        assertEquals("web\n", back.out(), back.toString());
    }

    /** The text of the artifact's layer published as {@code file}, or null. */
    private static String layer(TestRegistry registry, String repository, String tag,
            String file) throws Exception {
        var manifest = manifest(registry, repository + "/manifests/" + tag);
        assertEquals(200, manifest.statusCode(), manifest.body());
        for (var l : new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.body())
                .path("layers")) {
            if (file.equals(l.path("annotations").path("com.docker.compose.file").asText())) {
                return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(registry.url() + "/v2/" + repository
                                + "/blobs/" + l.path("digest").asText())).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            }
        }
        return null;
    }

    @Test
    void resolveImageDigestsPinsEachImageAsComposeV2Does() throws Exception {
        String image = open.host() + "/pinned/base";
        try {
            for (String tag : java.util.List.of("1", "latest")) {
                Processes.docker("tag", "jcompose/base:latest", image + ":" + tag);
                Processes.docker("push", image + ":" + tag);
            }
            pinsAsComposeV2(image);
        } finally {
            Processes.docker("rmi", image + ":1", image + ":latest");
        }
    }

    private void pinsAsComposeV2(String image) throws Exception {
        Path app = project("pinned", """
                services:
                  web:
                    image: %1$s:1
                    command: ["echo", "hi"]
                  other:
                    image: %1$s
                """.formatted(image));
        ComposeOracle oracle = new ComposeOracle(app).env("HOME", dir.resolve("home").toString());
        // compose v2 2.26 has publish under alpha, and needs OCI 1.0 with this registry
        CliRunner.Result v2 = oracle.v2("alpha", "publish", "--oci-version", "1.0",
                "--resolve-image-digests", open.host() + "/pinned-v2:1");
        assertEquals(0, v2.exitCode(), v2.toString());
        CliRunner.Result mine = oracle.jcompose("publish", "--resolve-image-digests",
                open.host() + "/pinned-jc:1");
        assertEquals(0, mine.exitCode(), mine.toString());
        String expected = layer(open, "pinned-v2", "1", "image-digests.yaml");
        assertTrue(expected != null && expected.contains(image + ":latest@sha256:"), expected);
        assertEquals(expected, layer(open, "pinned-jc", "1", "image-digests.yaml"));

        // -f oci:// runs the pinned images
        CliRunner.Result config = new CliRunner(Files.createDirectories(dir.resolve("pin-run")))
                .env("XDG_CACHE_HOME", dir.resolve("cache").toString())
                .run("-f", "oci://" + open.host() + "/pinned-jc:1", "config", "--images");
        assertEquals(0, config.exitCode(), config.toString());
        assertTrue(config.out().contains(image + ":1@sha256:"), config.out());

        // an image its registry does not have cannot be pinned: nothing is published
        Path missing = project("unpinnable", """
                services:
                  web:
                    image: %s/not-pushed:1
                """.formatted(open.host()));
        CliRunner.Result refused = new CliRunner(missing).run("publish",
                "--resolve-image-digests", open.host() + "/unpinnable:1");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("reading the digest of " + open.host()
                + "/not-pushed:1 from its registry failed"), refused.err());
        assertEquals(404, manifest(open, "unpinnable/manifests/1").statusCode());
    }
}
