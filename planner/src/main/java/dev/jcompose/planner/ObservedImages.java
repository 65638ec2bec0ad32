package dev.jcompose.planner;

import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.ImageSummary;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local images a project's services use, as observed at one moment: what the image
 * planner decides pulls and builds from (present or not, and since when, for pull policies
 * like {@code daily}).
 *
 * @param byReference image reference to the local image, for the references that are present
 * @param at          when they were observed
 * @param fresh       references pulled or built by this run already: no policy asks for them
 *                    again
 */
public record ObservedImages(Map<String, ImageSummary> byReference, Instant at,
        Set<String> fresh) {

    public ObservedImages {
        byReference = Map.copyOf(byReference);
        fresh = Set.copyOf(fresh);
    }

    /** Inspects {@code references} on the engine, in parallel. */
    public static ObservedImages observe(Engine engine, Collection<String> references) {
        Map<String, ImageSummary> found = new ConcurrentHashMap<>();
        new LinkedHashSet<>(references).parallelStream().forEach(ref ->
                engine.inspectImage(ref).ifPresent(img -> found.put(ref, img)));
        return new ObservedImages(new HashMap<>(found), Instant.now(), Set.of());
    }

    /** Images known only by id (no times): present, never stale. */
    public static ObservedImages ofIds(Map<String, String> ids, Instant at) {
        Map<String, ImageSummary> out = new HashMap<>();
        ids.forEach((ref, id) -> out.put(ref, new ImageSummary(id, java.util.List.of(ref),
                Map.of(), null, null)));
        return new ObservedImages(out, at, Set.of());
    }

    public Optional<ImageSummary> get(String reference) {
        return Optional.ofNullable(byReference.get(reference));
    }

    public boolean present(String reference) {
        return byReference.containsKey(reference);
    }

    /** The same, with {@code references} marked as pulled or built by this run. */
    public ObservedImages withFresh(Collection<String> references) {
        Set<String> all = new LinkedHashSet<>(fresh);
        all.addAll(references);
        return new ObservedImages(byReference, at, all);
    }
}
