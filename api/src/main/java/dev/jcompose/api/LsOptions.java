package dev.jcompose.api;

/** Options of {@code ls}: {@code all} includes projects with no running container. */
public record LsOptions(boolean all) { }
