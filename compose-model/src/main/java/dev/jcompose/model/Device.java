package dev.jcompose.model;

/** A host device mapped into the container. */
public record Device(String source, String target, String permissions) { }
