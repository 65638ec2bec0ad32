package dev.jcompose.api;

/**
 * The context a target acts in and what chose it, as the docker CLI chooses one: for example
 * {@code default} chosen by {@code -H}, or {@code remote} chosen by {@code DOCKER_CONTEXT}.
 *
 * @param name     the context's name
 * @param chosenBy the option, variable or file that chose it
 */
public record TargetContext(String name, String chosenBy) { }
