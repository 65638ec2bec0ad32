package dev.jcompose.planner.engine;

import java.util.List;

/**
 * A new image from a container's changes ({@code commit}).
 *
 * @param reference {@code repository[:tag]}, or null for an untagged image
 * @param comment   the commit message, or null
 * @param author    the author, or null
 * @param changes   Dockerfile instructions applied to the image ({@code ENV A=1})
 * @param pause     pause the container while it is committed
 */
public record CommitSpec(String reference, String comment, String author, List<String> changes,
        boolean pause) {

    public CommitSpec {
        changes = List.copyOf(changes);
    }
}
