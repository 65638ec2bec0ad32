package dev.jcompose.api;

/** When {@code up} and {@code create} replace an existing container. */
public enum Recreate {
    /** when its configuration or image changed (the default) */
    DIVERGED,
    /** always ({@code --force-recreate}) */
    FORCE,
    /** never ({@code --no-recreate}) */
    NEVER
}
