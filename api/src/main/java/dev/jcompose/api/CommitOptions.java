package dev.jcompose.api;

import java.util.List;

/**
 * What {@code commit} makes an image of, and how.
 *
 * @param service   the service
 * @param index     which of its containers (0: the first, one-offs last)
 * @param reference {@code REPOSITORY[:TAG]} of the new image, or null for none
 * @param comment   the commit message ({@code -m}), or null
 * @param author    the author ({@code -a}), or null
 * @param changes   Dockerfile instructions to apply ({@code -c 'ENV A=1'})
 * @param pause     pause the container while committing (the default)
 * @param dryRun    say what would be committed, commit nothing
 */
public record CommitOptions(String service, int index, String reference, String comment,
        String author, List<String> changes, boolean pause, boolean dryRun) {

    public CommitOptions {
        changes = List.copyOf(changes);
    }

    /** The first container of {@code service}, paused, with no reference or message. */
    public static CommitOptions of(String service) {
        return new CommitOptions(service, 0, null, null, null, List.of(), true, false);
    }

    public CommitOptions withReference(String ref) {
        return new CommitOptions(service, index, ref, comment, author, changes, pause, dryRun);
    }
}
