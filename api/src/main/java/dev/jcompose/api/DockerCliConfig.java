package dev.jcompose.api;

import dev.jcompose.runtime.JsonTrees;
import dev.jcompose.runtime.context.DockerConfigDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** What jcompose reads from the docker CLI's {@code config.json}. */
public final class DockerCliConfig {

    private DockerCliConfig() {
    }

    /**
     * The docker CLI's configuration directory: {@code DOCKER_CONFIG} of {@code env}, else
     * {@code ~/.docker}.
     */
    public static Path directory(Map<String, String> env) {
        return DockerConfigDir.of(env);
    }

    /**
     * Its {@code psFormat}, the default format of {@code ps}, or null when it sets none or is
     * not JSON.
     */
    public static String psFormat(String configJson) {
        try {
            // a JSON tree without an ObjectMapper (whose set-up costs ps ~20 ms)
            var node = JsonTrees.read(configJson.getBytes(StandardCharsets.UTF_8))
                    .path("psFormat");
            return node.isTextual() ? node.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
