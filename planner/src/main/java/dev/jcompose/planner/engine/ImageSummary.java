package dev.jcompose.planner.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A local image as the engine reports it.
 *
 * @param id         the image id ({@code sha256:...})
 * @param tags       the references naming it ({@code demo-web:latest}), possibly none
 * @param labels     the image's labels (compose labels the images it builds)
 * @param created    when the image was built, or null when unknown
 * @param lastTagged when a reference was last set on it locally (by a pull, build or tag), or
 *                   null when the engine does not say; pull policies like {@code daily} use it
 * @param volumes    the paths the image declares as VOLUME (each container gets an anonymous
 *                   volume there unless something else is mounted)
 * @param size       its size in bytes, 0 when the engine did not say
 */
public record ImageSummary(String id, List<String> tags, Map<String, String> labels,
        Instant created, Instant lastTagged, Set<String> volumes, long size) {

    public ImageSummary {
        tags = tags == null ? List.of() : List.copyOf(tags);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        volumes = volumes == null ? Set.of() : Set.copyOf(volumes);
    }

    public ImageSummary(String id, List<String> tags, Map<String, String> labels,
            Instant created, Instant lastTagged) {
        this(id, tags, labels, created, lastTagged, Set.of(), 0);
    }

    public ImageSummary(String id, List<String> tags, Map<String, String> labels,
            Instant created, Instant lastTagged, Set<String> volumes) {
        this(id, tags, labels, created, lastTagged, volumes, 0);
    }

    /** A label's value, or null. */
    public String label(String key) {
        return labels.get(key);
    }

    /** The best known time the image arrived locally: last tagged, else created. */
    public Instant arrived() {
        return lastTagged != null ? lastTagged : created;
    }
}
