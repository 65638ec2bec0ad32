package dev.jcompose.api;

import java.time.Instant;

/**
 * The image a project's container uses ({@code images}).
 *
 * @param container  the container's name
 * @param repository the image reference without its tag
 * @param tag        its tag ({@code latest} when the reference has none)
 * @param id         the image id ({@code sha256:...}), or "" when the image is gone
 * @param created    when the image was built, or null when unknown
 * @param size       the image's size in bytes (0 when unknown)
 */
public record ImageInfo(String container, String repository, String tag, String id,
        Instant created, long size) {

    /** The id's first 12 hex digits, as tables show it. */
    public String shortId() {
        String hex = id.replaceFirst("^sha256:", "");
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
