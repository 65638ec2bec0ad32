package dev.jcompose.api.local;

import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.Engine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code config --resolve-image-digests}: each service's image pinned to its registry digest,
 * written as compose v2 writes it: the normalised name and tag, then {@code @sha256:...}
 * ({@code busybox} becomes {@code docker.io/library/busybox:latest@sha256:...}); an image
 * already pinned keeps its digest.
 */
final class ImageDigests {

    private ImageDigests() {
    }

    static Project pinned(Project project, Engine engine) {
        Map<String, Service> services = new LinkedHashMap<>();
        project.services().forEach((name, s) -> {
            if (s.image() == null || s.image().isEmpty()) {
                services.put(name, s);
                return;
            }
            String ref = normalised(s.image());
            String image = ref.contains("@") ? ref : ref + "@" + engine.registryDigest(ref);
            services.put(name, s.toBuilder().image(image).build());
        });
        return project.withServices(services);
    }

    /**
     * A reference as the docker CLI normalises it: a first component that is not a host (no
     * dot or port, not localhost) is Docker Hub's, a Hub name without a namespace is
     * {@code library/}'s, and a name without a tag or digest is {@code :latest}.
     */
    static String normalised(String image) {
        int slash = image.indexOf('/');
        String first = slash < 0 ? "" : image.substring(0, slash);
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        String ref = host ? image
                : "docker.io/" + (slash < 0 ? "library/" : "") + image;
        if (ref.startsWith("docker.io/") && ref.indexOf('/', "docker.io/".length()) < 0) {
            ref = "docker.io/library/" + ref.substring("docker.io/".length());
        }
        int lastSlash = ref.lastIndexOf('/');
        boolean tagged = ref.indexOf(':', lastSlash + 1) >= 0 || ref.contains("@");
        return tagged ? ref : ref + ":latest";
    }

    /** The name of {@code publish --resolve-image-digests}' override file in the artifact. */
    static final String FILE = "image-digests.yaml";

    /**
     * {@code publish --resolve-image-digests}' override file, as compose v2 2.26 writes it:
     * each service's pinned image, services in name order.
     */
    static String override(Project pinned) {
        Map<String, String> images = new LinkedHashMap<>();
        pinned.services().forEach((name, s) -> {
            if (s.image() != null && !s.image().isEmpty()) {
                images.put(name, s.image());
            }
        });
        return override(images);
    }

    /** The override file for these services' pinned images. */
    static String override(Map<String, String> images) {
        StringBuilder b = new StringBuilder("services:\n");
        new java.util.TreeMap<>(images).forEach((name, image) -> b.append("  ")
                .append(key(name)).append(":\n    image: ").append(image).append('\n'));
        return b.toString();
    }

    /** A service name as a YAML key: quoted when YAML would read it as a number or boolean. */
    private static String key(String name) {
        return name.matches("[-+]?[0-9._]+|(?i)(true|false|null|yes|no|on|off|y|n|~)")
                ? "\"" + name + "\"" : name;
    }
}
