package dev.jcompose.api;

/**
 * How an {@code attach} ended.
 *
 * @param container the container attached to
 * @param detached  the detach keys were typed (the container runs on)
 * @param exitCode  the container's exit code when it stopped, else 0
 */
public record AttachResult(String container, boolean detached, int exitCode) {
}
