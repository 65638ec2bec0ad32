package dev.jcompose.runtime;

import java.util.Map;

/** Where the engine is: {@code DOCKER_HOST}, else the default Unix socket. */
public final class DockerHosts {

    public static final String DEFAULT = "unix:///var/run/docker.sock";

    private DockerHosts() {
    }

    public static String resolve(Map<String, String> env) {
        String host = env.get("DOCKER_HOST");
        return host == null || host.isBlank() ? DEFAULT : host.strip();
    }
}
