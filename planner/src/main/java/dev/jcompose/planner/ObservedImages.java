package dev.jcompose.planner;

import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.ImageSummary;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local images a project's services use, as observed at one moment: what the image
 * planner decides pulls and builds from (present or not, and since when, for pull policies
 * like {@code daily}).
 *
 * @param byReference image reference to the local image, for the references that are present
 * @param at          when they were observed
 */
public record ObservedImages(Map<String, ImageSummary> byReference, Instant at) {

    public ObservedImages {
        byReference = Map.copyOf(byReference);
    }

    /** Inspects {@code references} on the engine, in parallel. */
    public static ObservedImages observe(Engine engine, Collection<String> references) {
        Map<String, ImageSummary> found = new ConcurrentHashMap<>();
        new LinkedHashSet<>(references).parallelStream().forEach(ref ->
                engine.inspectImage(ref).ifPresent(img -> found.put(ref, img)));
        return new ObservedImages(new HashMap<>(found), Instant.now());
    }

    /** Images known only by id (no times): present, never stale. */
    public static ObservedImages ofIds(Map<String, String> ids, Instant at) {
        Map<String, ImageSummary> out = new HashMap<>();
        ids.forEach((ref, id) -> out.put(ref, new ImageSummary(id, java.util.List.of(ref),
                Map.of(), null, null)));
        return new ObservedImages(out, at);
    }

    public Optional<ImageSummary> get(String reference) {
        return Optional.ofNullable(byReference.get(reference));
    }

    public boolean present(String reference) {
        return byReference.containsKey(reference);
    }
}
