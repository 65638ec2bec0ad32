package dev.jcompose.api;

/**
 * A compose project on the engine ({@code ls}).
 *
 * @param name        the project's name
 * @param status      its containers by state: {@code exited(1), running(2)}
 * @param configFiles the files it was started from, as its containers' labels say, or ""
 */
public record StackInfo(String name, String status, String configFiles) { }
