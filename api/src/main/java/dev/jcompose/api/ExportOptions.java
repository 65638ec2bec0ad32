package dev.jcompose.api;

/**
 * Which container {@code export} writes out.
 *
 * @param service the service
 * @param index   which of its containers (0: the first, one-offs last)
 */
public record ExportOptions(String service, int index) {
}
