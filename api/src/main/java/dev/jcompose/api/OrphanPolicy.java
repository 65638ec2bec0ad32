package dev.jcompose.api;

/**
 * What {@code up} does with orphans: containers of services no longer in the files, and one-off
 * containers that have ended.
 */
public enum OrphanPolicy {
    /** keep them, with a warning (the default) */
    WARN,
    /** remove them ({@code --remove-orphans}, {@code COMPOSE_REMOVE_ORPHANS}) */
    REMOVE,
    /** keep them silently ({@code COMPOSE_IGNORE_ORPHANS}) */
    IGNORE
}
