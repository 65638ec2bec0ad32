package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.fake.BaseImage;
import dev.jcompose.planner.fake.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --verbose} on the real engine, through the launcher (the log levels are set when the
 * JVM starts): a stack with a file secret, an environment secret and an inline config (both
 * copied into the container as an archive), a password in the environment and an image pulled
 * from a registry behind a password. The engine's requests are logged; no value is.
 */
class VerboseSecretsIT {

    private static final String FILE_SECRET = "file-secret-Qx81";
    private static final String ENV_SECRET = "env-secret-Zr44";
    private static final String CONFIG_CONTENT = "config-content-Pk02";
    private static final String DB_PASSWORD = "db-password-Wm93";
    private static final String REGISTRY_PASSWORD = "registry-pw-Jt57";

    @TempDir
    Path dir;

    @RegisterExtension
    final EngineProject engineProject = new EngineProject("verbose");
    private final String project = engineProject.name();

    @Test
    void verboseUpAndPullPrintRequestsButNoSecret() throws Exception {
        try (TestRegistry registry = TestRegistry.withAuth(dir.resolve("registry"), "carol",
                REGISTRY_PASSWORD)) {
            String image = registry.host() + "/" + project + ":1";
            String auth = Base64.getEncoder().encodeToString(("carol:" + REGISTRY_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            Files.createDirectories(dir.resolve("docker-config"));
            Files.writeString(dir.resolve("docker-config/config.json"),
                    "{\"auths\": {\"" + registry.host() + "\": {\"auth\": \"" + auth + "\"}}}");
            Files.writeString(dir.resolve("secret.txt"), FILE_SECRET + "\n");
            Files.writeString(dir.resolve("compose.yaml"), """
                    services:
                      app:
                        image: %s
                        build:
                          context: .
                          args:
                            TOKEN: %s
                        command: ["sleep", "300"]
                        environment:
                          DB_PASSWORD: %s
                        secrets: [from_file, from_env]
                        configs: [inline]
                    secrets:
                      from_file:
                        file: ./secret.txt
                      from_env:
                        environment: APP_SECRET
                    configs:
                      inline:
                        content: %s
                    """.formatted(image, DB_PASSWORD, DB_PASSWORD, CONFIG_CONTENT));
            Files.writeString(dir.resolve("Dockerfile"), "FROM " + BaseImage.NAME
                    + "\nARG TOKEN\n");
            run(0, "build");
            run(0, "push");
            Processes.docker("rmi", image);

            String pull = run(0, "--verbose", "pull");
            String up = run(0, "--verbose", "up", "-d", "--no-build");
            String build = run(0, "--verbose", "build");
            for (String out : List.of(pull, up, build)) {
                for (String secret : List.of(FILE_SECRET, ENV_SECRET, CONFIG_CONTENT,
                        DB_PASSWORD, REGISTRY_PASSWORD, auth)) {
                    assertFalse(out.contains(secret), secret + " printed:\n" + out);
                }
            }
            assertTrue(pull.contains("POST /") && pull.contains("/images/create")
                    && pull.contains("[X-Registry-Auth: <redacted>]"), pull);
            assertTrue(up.contains("/containers/create") && up.contains("/archive"), up);
            assertTrue(build.contains("/build?") && build.contains("buildargs=<redacted>"),
                    build);
            // the values did reach the container
            String inside = Processes.docker("exec", project + "-app-1", "sh", "-c",
                    "cat /run/secrets/from_file /run/secrets/from_env /inline; echo $DB_PASSWORD");
            assertTrue(inside.contains(FILE_SECRET) && inside.contains(ENV_SECRET)
                    && inside.contains(CONFIG_CONTENT) && inside.contains(DB_PASSWORD), inside);
        }
    }

    /** Runs the launcher; returns stdout and stderr together, asserting the exit code. */
    private String run(int expected, String... args) throws IOException, InterruptedException {
        Process p = Processes.jcompose(dir, project, Map.of("DOCKER_CONFIG",
                dir.resolve("docker-config").toString(), "APP_SECRET", ENV_SECRET),
                List.of(args));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", args));
        assertEquals(expected, p.exitValue(), String.join(" ", args) + "\n" + out);
        return out;
    }
}
