package dev.jcompose.api;

/** What a command will ask the target first, for {@link ComposeTarget#warmUp}. */
public enum WarmUp {
    /** a listing of containers (most commands) */
    CONTAINERS,
    /** listings of containers, networks and volumes ({@code up}, {@code down}, ...) */
    RESOURCES
}
