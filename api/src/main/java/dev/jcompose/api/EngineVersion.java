package dev.jcompose.api;

/**
 * The engine a target runs on: where it is, which engine it is ({@code Docker}, {@code Podman})
 * and which versions it runs.
 */
public record EngineVersion(String host, String version, String apiVersion, String os,
        String kind) { }
