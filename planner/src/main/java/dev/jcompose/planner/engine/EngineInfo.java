package dev.jcompose.planner.engine;

/** The engine's identity: where it is and which versions it runs. */
public record EngineInfo(String host, String version, String apiVersion, String os) { }
