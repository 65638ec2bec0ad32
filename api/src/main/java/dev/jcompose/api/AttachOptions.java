package dev.jcompose.api;

/**
 * Options of {@code attach}.
 *
 * @param service    the service
 * @param index      which of its containers (0: the first)
 * @param detachKeys the key sequence that detaches ({@code ctrl-p,ctrl-q} when null)
 * @param stdin      forward standard input (when the container keeps it open)
 */
public record AttachOptions(String service, int index, String detachKeys, boolean stdin) {

    /** The default sequence, as the docker CLI's. */
    public static final String DEFAULT_DETACH_KEYS = "ctrl-p,ctrl-q";
}
