package dev.jcompose.api;

import dev.jcompose.runtime.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What jcompose reads from the docker CLI's {@code config.json}. */
public final class DockerCliConfig {

    private DockerCliConfig() {
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
