package dev.jcompose.swarm;

/** A stack on the swarm: its name and how many services it has ({@code stack ls}). */
public record StackSummary(String name, int services) { }
