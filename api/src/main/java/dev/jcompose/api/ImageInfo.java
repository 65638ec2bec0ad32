package dev.jcompose.api;

import java.time.Instant;

/**
 * The image a project's container uses ({@code images}).
 *
 * @param container  the container's name
 * @param repository the image reference without its tag
 * @param tag        its tag ({@code latest} when the reference has none)
 * @param id         the image id's first 12 hex digits, or "" when the image is gone
 * @param created    when the image was built, or null when unknown
 */
public record ImageInfo(String container, String repository, String tag, String id,
        Instant created) { }
