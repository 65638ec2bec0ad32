package dev.jcompose.api.local;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code publish --resolve-image-digests}: each service's image pinned to the digest the
 * registry has for it, as compose v2 pins it: an extra compose file, {@code image-digests.yaml},
 * naming every service's image in full ({@code docker.io/library/redis:latest@sha256:...}),
 * which {@code -f oci://} reads as an override of the published files.
 */
final class ImageDigests {

    /** The name of the override file in the artifact. */
    static final String FILE = "image-digests.yaml";

    private ImageDigests() {
    }

    /** {@code image} in full, without its digest: registry, repository, tag ({@code latest}). */
    static String named(String image) {
        String ref = image.strip();
        int at = ref.indexOf('@');
        String name = at < 0 ? ref : ref.substring(0, at);
        int colon = name.lastIndexOf(':');
        String tag = colon > name.lastIndexOf('/') ? name.substring(colon + 1) : null;
        String repository = tag == null ? name : name.substring(0, colon);
        int slash = repository.indexOf('/');
        String first = slash < 0 ? "" : repository.substring(0, slash);
        boolean hasRegistry = first.contains(".") || first.contains(":")
                || first.equals("localhost");
        if (!hasRegistry) {
            repository = "docker.io/" + (slash < 0 ? "library/" : "") + repository;
        }
        return repository + (tag != null ? ":" + tag : at < 0 ? ":latest" : "");
    }

    /** The digest {@code image} is already pinned to, or null. */
    static String digestOf(String image) {
        int at = image.indexOf('@');
        return at < 0 ? null : image.substring(at + 1).strip();
    }

    /** {@code image} in full with {@code digest}. */
    static String pinned(String image, String digest) {
        return named(image) + "@" + digest;
    }

    /** The override file: each service's pinned image, services in name order. */
    static String override(Map<String, String> pinnedImages) {
        StringBuilder b = new StringBuilder("services:\n");
        new TreeMap<>(pinnedImages).forEach((service, image) -> b.append("  ")
                .append(key(service)).append(":\n    image: ").append(image).append('\n'));
        return b.toString();
    }

    /** A service name as a YAML key: quoted when YAML would read it as a number or boolean. */
    private static String key(String name) {
        return name.matches("[-+]?[0-9._]+|(?i)(true|false|null|yes|no|on|off|y|n|~)")
                ? "\"" + name + "\"" : name;
    }
}
