package dev.jcompose.api;

/**
 * A stack on a Docker Swarm, as {@code stack ls} lists it.
 *
 * @param name     the stack's name ({@code com.docker.stack.namespace})
 * @param services how many services it has
 */
public record SwarmStack(String name, int services) { }
