package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.jcompose.planner.fake.BaseImage;
import dev.jcompose.planner.fake.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * build, pull, push, up --build / --pull and down --rmi through the CLI, on the real engine and
 * real registries (one open, one behind htpasswd), checked against what the engine and the
 * registry report.
 */
class ImagesIT {

    @TempDir
    static Path registries;

    private static TestRegistry open;
    private static TestRegistry secured;

    @TempDir
    Path dir;

    private String project;
    private CliRunner cli;

    @BeforeAll
    static void start() {
        BaseImage.ensure();
        open = TestRegistry.open(registries.resolve("open"));
        secured = TestRegistry.withAuth(registries.resolve("secured"), "bob", "pa55-word");
    }

    @AfterAll
    static void stop() {
        if (open != null) {
            open.close();
        }
        if (secured != null) {
            secured.close();
        }
    }

    @BeforeEach
    void setUp() {
        project = "img-" + UUID.randomUUID().toString().substring(0, 8);
        cli = new CliRunner(dir).env("DOCKER_CONFIG", dir.resolve("docker-config").toString())
                .env("XDG_STATE_HOME", dir.resolve("state").toString());
    }

    @AfterEach
    void tearDown() {
        cli.run("-p", project, "down", "-t", "0");
        Cleanup.project(project);
    }

    private CliRunner.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-p";
        all[1] = project;
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.run(all);
    }

    private void write(String rel, String content) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private static boolean imageExists(String ref) {
        try (DockerClient docker = Cleanup.docker()) {
            docker.inspectImageCmd(ref).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> imageLabels(String ref) throws IOException {
        try (DockerClient docker = Cleanup.docker()) {
            return docker.inspectImageCmd(ref).exec().getConfig().getLabels();
        }
    }

    private static void removeImage(String ref) throws IOException {
        try (DockerClient docker = Cleanup.docker()) {
            docker.removeImageCmd(ref).exec();
        }
    }

    private List<String> containerIds() throws IOException {
        try (DockerClient docker = Cleanup.docker()) {
            return docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("com.docker.compose.project", project)).exec()
                    .stream().map(c -> c.getId()).toList();
        }
    }

    private int networkCount() throws IOException {
        try (DockerClient docker = Cleanup.docker()) {
            return docker.listNetworksCmd().withFilter("label",
                    List.of("com.docker.compose.project=" + project)).exec().size();
        }
    }

    @Test
    void aFailingBuildShowsTheFailingStepAndCreatesNothing() throws IOException {
        write("compose.yaml", """
                services:
                  app:
                    build: ./app
                    depends_on: [db]
                  db:
                    image: %s
                    command: ["sleep", "300"]
                    init: true
                """.formatted(BaseImage.NAME));
        write("app/Dockerfile", """
                FROM %s
                RUN echo preparing
                RUN echo boom >&2; echo more output; exit 3
                """.formatted(BaseImage.NAME));
        CliRunner.Result r = run("up", "-d");
        assertEquals(1, r.exitCode(), r.toString());
        // the engine's builder counts the compose labels it adds as steps too
        assertTrue(r.err().matches("(?s).*Building: Step 2/\\d : RUN echo preparing\n.*"),
                "build steps are shown as they run\n" + r);
        assertTrue(r.err().matches("(?s).*\nerror: Image " + project + "-app: service app: "
                + "build of " + project + "-app failed at Step 3/\\d : RUN echo boom >&2; echo "
                + "more output; exit 3 \\(exit code 3\\)\noutput of the failing step:\n.*"),
                r.toString());
        assertTrue(r.err().contains("    boom\n"), r.toString());
        assertTrue(r.err().contains("    more output\n"), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace\n" + r);
        assertEquals(List.of(), containerIds());
        assertEquals(0, networkCount());
    }

    @Test
    void buildSendsWhatTheIgnoreFileKeepsAndUpBuildRecreatesOnChange() throws Exception {
        write("compose.yaml", """
                services:
                  app:
                    build:
                      context: .
                      dockerfile: docker/app.Dockerfile
                      args: {MODE: prod}
                      target: checks
                      extra_hosts: ["buildhost=10.9.8.7"]
                      shm_size: 70m
                    command: ["sleep", "300"]
                    init: true
                """);
        write("docker/app.Dockerfile", """
                FROM %1$s AS checks
                ARG MODE
                ARG GREETING=unset
                COPY . /ctx
                RUN test ! -e /ctx/secret.txt && test ! -e /ctx/src/x.tmp \\
                 && test -e /ctx/src/keep.tmp && test -e /ctx/README \\
                 && test -x /ctx/run.sh && test -L /ctx/link \\
                 && test "$MODE" = prod && test "$GREETING" = hello \\
                 && grep -q "10.9.8.7.*buildhost" /etc/hosts \\
                 && df -k /dev/shm | grep -q " 71680 " && echo all checks passed
                FROM %1$s AS not-the-target
                RUN exit 9
                """.formatted(BaseImage.NAME));
        // the Dockerfile's own ignore file wins over the context's, which would drop src
        write(".dockerignore", "src\n");
        write("docker/app.Dockerfile.dockerignore", "# not for the image\nsecret.txt\n"
                + "**/*.tmp\n!src/keep.tmp\n");
        write("secret.txt", "password");
        write("README", "readme");
        write("src/a.txt", "version 1");
        write("src/x.tmp", "scratch");
        write("src/keep.tmp", "kept");
        write("run.sh", "#!/bin/sh\necho run\n");
        Files.setPosixFilePermissions(dir.resolve("run.sh"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(dir.resolve("link"), Path.of("src/a.txt"));

        CliRunner.Result build = cli.env("GREETING", "hello")
                .run("-p", project, "build", "--build-arg", "GREETING");
        assertEquals(0, build.exitCode(), build.toString());
        assertTrue(build.err().contains("all checks passed"), build.toString());
        Map<String, String> labels = imageLabels(project + "-app");
        assertEquals(project, labels.get("com.docker.compose.project"));
        assertEquals("app", labels.get("com.docker.compose.service"));

        // without the build argument, the image's check fails: the build is not cached away
        CliRunner.Result noArg = run("build", "-q");
        assertEquals(1, noArg.exitCode(), noArg.toString());
        assertFalse(noArg.err().contains("Building"), "-q shows no progress\n" + noArg);

        assertEquals(0, run("up", "-d", "--no-build").exitCode());
        List<String> before = containerIds();
        assertEquals(1, before.size());
        CliRunner.Result again = run("up", "-d", "--dry-run");
        assertEquals("nothing to do\n", again.out(), again.toString());

        write("src/a.txt", "version 2");
        CliRunner.Result rebuilt = cli.env("GREETING", "hello")
                .run("-p", project, "build", "--build-arg", "GREETING");
        assertEquals(0, rebuilt.exitCode(), rebuilt.toString());
        CliRunner.Result up = run("up", "-d");
        assertEquals(0, up.exitCode(), up.toString());
        List<String> after = containerIds();
        assertEquals(1, after.size());
        assertNotEquals(before, after, "a changed image recreates the container");

        CliRunner.Result down = run("down", "--rmi", "local", "-t", "0");
        assertEquals(0, down.exitCode(), down.toString());
        assertFalse(imageExists(project + "-app"), down.toString());
    }

    /** The services' images a {@code config --format json} printed, sorted. */
    private static List<String> images(CliRunner.Result config) throws IOException {
        assertEquals(0, config.exitCode(), config.toString());
        List<String> out = new ArrayList<>();
        ComposeOracle.jsonValues(config.out()).get(0).path("services")
                .forEach(s -> out.add(s.path("image").asText()));
        Collections.sort(out);
        return out;
    }

    @Test
    void buildPushPullAndUpThroughARegistry() throws Exception {
        String image = open.host() + "/" + project + "/app:1";
        write("compose.yaml", """
                services:
                  app:
                    image: %1$s
                    build:
                      context: ./app
                      tags: ["%2$s"]
                    command: ["sleep", "300"]
                    init: true
                  worker:
                    image: %1$s
                    command: ["sleep", "300"]
                    init: true
                """.formatted(image, open.host() + "/" + project + "/app:extra"));
        write("app/Dockerfile", "FROM " + BaseImage.NAME + "\nRUN head -c 200000 /dev/urandom"
                + " > /blob\n");
        CliRunner.Result built = run("build", "--memory", "256m");
        assertEquals(0, built.exitCode(), built.toString());
        CliRunner.Result push = run("push");
        assertEquals(0, push.exitCode(), push.toString());
        assertTrue(push.err().contains("Image " + image + " Pushed"), push.toString());
        String tags = open.get(project + "/app/tags/list").body();
        assertTrue(tags.contains("\"1\"") && tags.contains("\"extra\""), tags);

        // pinned to the registry's digest, as compose v2 pins them (2.26.1: with
        // --no-interpolate only)
        List<CliRunner.Result> pinned = new ComposeOracle(dir).both("config",
                "--no-interpolate", "--resolve-image-digests", "--format", "json");
        assertEquals(images(pinned.get(0)), images(pinned.get(1)));
        assertTrue(images(pinned.get(1)).get(0).startsWith(image + "@sha256:"),
                pinned.toString());
        assertEquals(images(pinned.get(1)), images(run("config", "--resolve-image-digests",
                "--format", "json")));

        removeImage(image);
        removeImage(open.host() + "/" + project + "/app:extra");
        assertFalse(imageExists(image));
        CliRunner.Result pull = run("pull");
        assertEquals(0, pull.exitCode(), pull.toString());
        assertEquals(1, pull.err().lines().filter(l -> l.equals("Image " + image + " Pulled"))
                .count(), "one pull for both services\n" + pull);
        assertTrue(imageExists(image));

        CliRunner.Result up = run("up", "-d", "--pull", "always");
        assertEquals(0, up.exitCode(), up.toString());
        assertFalse(up.err().contains("Building"), "a pulled image is not rebuilt\n" + up);
        assertEquals(2, containerIds().size());

        CliRunner.Result down = run("down", "--rmi", "all", "-t", "0");
        assertEquals(0, down.exitCode(), down.toString());
        assertFalse(imageExists(image), down.toString());
    }

    @Test
    void aFailedPullNamesServiceImageAndReasonAndUpCreatesNothing() throws IOException {
        String missing = open.host() + "/" + project + "/missing:1";
        write("compose.yaml", """
                services:
                  web:
                    image: %s
                    depends_on: [db]
                  db:
                    image: %s
                    pull_policy: never
                    command: ["sleep", "300"]
                    init: true
                """.formatted(missing, BaseImage.NAME));
        CliRunner.Result up = run("up", "-d");
        assertEquals(1, up.exitCode(), up.toString());
        assertTrue(up.err().contains("error: Image " + missing + ": service web: pull of "
                + missing + " from " + open.host() + " failed: manifest for " + missing
                + " not found: manifest unknown"), up.toString());
        assertEquals(List.of(), containerIds());
        assertEquals(0, networkCount());

        CliRunner.Result pull = run("pull");
        assertEquals(1, pull.exitCode(), pull.toString());
        CliRunner.Result ignored = run("pull", "--ignore-pull-failures");
        assertEquals(0, ignored.exitCode(), ignored.toString());
        assertTrue(ignored.err().contains("Image " + missing + " Pull failed"),
                ignored.toString());
    }

    @Test
    void registryCredentialsComeFromTheDockerConfig() throws Exception {
        String image = secured.host() + "/" + project + "/app:1";
        write("compose.yaml", """
                services:
                  app:
                    image: %s
                    build: ./app
                """.formatted(image));
        write("app/Dockerfile", "FROM " + BaseImage.NAME + "\nLABEL purpose=auth\n");
        assertEquals(0, run("build", "-q").exitCode());
        CliRunner.Result denied = run("push");
        assertEquals(1, denied.exitCode(), denied.toString());
        assertTrue(denied.err().contains("service app: push of " + image + " from "
                + secured.host() + " failed: no basic auth credentials (no credentials for "
                + secured.host()), denied.toString());

        write("docker-config/config.json", "{\"auths\": {\"" + secured.host() + "\": {\"auth\": \""
                + Base64.getEncoder().encodeToString("bob:pa55-word".getBytes(
                        StandardCharsets.UTF_8)) + "\"}}}");
        CliRunner.Result pushed = run("push", "-q");
        assertEquals(0, pushed.exitCode(), pushed.toString());
        removeImage(image);
        CliRunner.Result pulled = run("pull", "-q");
        assertEquals(0, pulled.exitCode(), pulled.toString());
        assertTrue(imageExists(image));
        assertEquals("", pulled.err(), "-q prints nothing");
    }
}
