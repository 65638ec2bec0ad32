package dev.jcompose.api;

/** When {@code up} builds the images of services with {@code build}. */
public enum BuildPolicy {
    /** when the image is missing (the default) */
    MISSING,
    /** every time ({@code --build}) */
    ALWAYS,
    /** never; a missing image of a build service is an error ({@code --no-build}) */
    NEVER
}
