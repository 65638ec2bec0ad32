package dev.jcompose.api;

import java.util.List;
import java.util.Map;

/**
 * Options of {@code scale}: the number of containers of services.
 *
 * @param replicas      containers per service named
 * @param noDeps        do not start the services' dependencies
 * @param compatibility name containers as docker-compose 1.x did
 * @param parallelism   the most engine operations at once
 */
public record ScaleOptions(Map<String, Integer> replicas, boolean noDeps, boolean compatibility,
        int parallelism) {

    public ScaleOptions {
        replicas = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(replicas));
    }

    public static ScaleOptions of(Map<String, Integer> replicas) {
        return new ScaleOptions(replicas, false, false, ComposeService.DEFAULT_PARALLELISM);
    }

    public ScaleOptions withNoDeps(boolean on) {
        return new ScaleOptions(replicas, on, compatibility, parallelism);
    }

    public ScaleOptions withCompatibility(boolean on) {
        return new ScaleOptions(replicas, noDeps, on, parallelism);
    }

    public ScaleOptions withParallelism(int operations) {
        return new ScaleOptions(replicas, noDeps, compatibility, operations);
    }

    /** As the options of {@code up --scale} of the named services. */
    public UpOptions toUp() {
        return UpOptions.builder().services(List.copyOf(replicas.keySet())).noDeps(noDeps)
                .scale(replicas).compatibility(compatibility).parallelism(parallelism).build();
    }
}
