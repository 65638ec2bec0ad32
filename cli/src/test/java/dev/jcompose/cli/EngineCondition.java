package dev.jcompose.cli;

import dev.jcompose.planner.engine.EngineInfo;
import dev.jcompose.runtime.DockerEngine;
import dev.jcompose.runtime.EngineIdentity;

/**
 * The engine the integration tests run against (DOCKER_HOST), and the conditions test lists
 * name it by: {@code docker}, {@code podman}, {@code api<1.44} (an Engine API older than 1.44).
 */
record EngineCondition(String kind, String apiVersion) {

    static EngineCondition current() {
        try (DockerEngine engine = DockerEngine.fromEnvironment()) {
            EngineInfo info = engine.info();
            return new EngineCondition(info.kind().toLowerCase(java.util.Locale.ROOT),
                    info.apiVersion());
        }
    }

    /** Whether {@code condition} holds for this engine; an unknown condition is an error. */
    boolean holds(String condition) {
        if (condition.startsWith("api<")) {
            return !new EngineIdentity(EngineIdentity.Kind.DOCKER, null, apiVersion)
                    .speaks(condition.substring(4));
        }
        if (condition.equals("docker") || condition.equals("podman")) {
            return condition.equals(kind);
        }
        throw new IllegalArgumentException("unknown engine condition \"" + condition
                + "\" (use docker, podman or api<VERSION)");
    }
}
