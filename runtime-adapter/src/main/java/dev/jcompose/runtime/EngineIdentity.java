package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.planner.engine.EngineInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which engine answers and which version of the Docker Engine API it speaks. Every answer of
 * the engine says it in its headers ({@code Server: Docker/26.1.5 (linux)} or
 * {@code Server: Libpod/4.3.1 (linux)}, and {@code Api-Version: 1.45}), so it is learned from the
 * first request a command makes, at no cost; {@code /version} says it too (Podman names its
 * component {@code Podman Engine}).
 *
 * @param kind       Docker or Podman
 * @param version    the engine's own version (26.1.5, 4.3.1)
 * @param apiVersion the Docker Engine API version it speaks (1.45; Podman 4 speaks 1.41)
 */
public record EngineIdentity(Kind kind, String version, String apiVersion) {

    /** The engines jcompose tells apart. */
    public enum Kind {
        DOCKER("Docker"), PODMAN("Podman");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private static final Pattern SERVER = Pattern.compile("^(Docker|Libpod)/(\\S+)");

    /**
     * From an answer's {@code Server} and {@code Api-Version} headers; null when they do not
     * name a Docker or Podman engine (a proxy, an older engine).
     */
    public static EngineIdentity fromHeaders(String server, String apiVersion) {
        if (server == null || apiVersion == null || apiVersion.isBlank()) {
            return null;
        }
        Matcher m = SERVER.matcher(server.strip());
        if (!m.find()) {
            return null;
        }
        return new EngineIdentity(m.group(1).equals("Libpod") ? Kind.PODMAN : Kind.DOCKER,
                m.group(2), apiVersion.strip());
    }

    /** From the answer of {@code GET /version}. */
    public static EngineIdentity fromVersion(JsonNode version) {
        Kind kind = Kind.DOCKER;
        for (JsonNode component : version.path("Components")) {
            if (component.path("Name").asText("").startsWith("Podman")) {
                kind = Kind.PODMAN;
            }
        }
        return new EngineIdentity(kind, version.path("Version").asText(null),
                version.path("ApiVersion").asText(null));
    }

    /** From what the engine port tells of it ({@code Engine.info()}). */
    public static EngineIdentity of(EngineInfo info) {
        return new EngineIdentity("Podman".equalsIgnoreCase(info.kind()) ? Kind.PODMAN
                : Kind.DOCKER, info.version(), info.apiVersion());
    }

    /** True when the engine speaks API {@code version} or later. */
    public boolean speaks(String version) {
        return apiVersion != null && ApiVersion.compare(apiVersion, version) >= 0;
    }

    public boolean isPodman() {
        return kind == Kind.PODMAN;
    }
}
