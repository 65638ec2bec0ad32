package dev.jcompose.model;

import java.util.Map;

/**
 * A service's use of a top-level secret or config: {@code source} names it, {@code target} is
 * where it appears in the container.
 */
public record FileReference(
        String source,
        String target,
        String uid,
        String gid,
        @Yaml.FileMode Integer mode,
        @Yaml.Extensions Map<String, Object> extensions) {

    public FileReference {
        extensions = Coll.map(extensions);
    }
}
