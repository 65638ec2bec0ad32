package dev.jcompose.model.load;

import java.nio.file.Path;

/**
 * One compose file to load: a path, and optionally its content already read (for {@code -f -},
 * where the content comes from stdin and the path names the working directory).
 */
public record ConfigSource(Path path, String content) {

    public static ConfigSource of(Path path) {
        return new ConfigSource(path, null);
    }

    /** The name errors use for this file. */
    public String displayName() {
        return content != null && path.getFileName() == null ? "-" : path.toString();
    }
}
