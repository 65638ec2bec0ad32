package dev.jcompose.runtime.context;

import java.nio.file.Path;
import java.util.Map;

/**
 * The docker CLI's configuration directory: {@code DOCKER_CONFIG}, else {@code ~/.docker}
 * (the home directory from {@code HOME}, as Go's {@code os.UserHomeDir}).
 */
public final class DockerConfigDir {

    private DockerConfigDir() {
    }

    public static Path of(Map<String, String> env) {
        String dir = env.get("DOCKER_CONFIG");
        if (dir != null && !dir.isEmpty()) {
            return Path.of(dir);
        }
        String home = env.get("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"),
                ".docker");
    }
}
