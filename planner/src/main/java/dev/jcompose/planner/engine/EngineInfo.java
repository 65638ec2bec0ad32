package dev.jcompose.planner.engine;

/**
 * The engine's identity: where it is, which engine (Docker, Podman) and which versions it runs.
 */
public record EngineInfo(String host, String version, String apiVersion, String os,
        String kind) {

    /** A Docker engine. */
    public EngineInfo(String host, String version, String apiVersion, String os) {
        this(host, version, apiVersion, os, "Docker");
    }
}
