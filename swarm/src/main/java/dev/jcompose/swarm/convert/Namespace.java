package dev.jcompose.swarm.convert;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stack's name, and how it names and labels what it owns, as {@code docker stack} does: objects
 * are named {@code NAME_key} and carry {@code com.docker.stack.namespace=NAME}, so
 * {@code docker stack ls/ps/services/rm} see a stack jcompose deployed, and the other way round.
 */
public record Namespace(String name) {

    /** The label every object of a stack carries, with the stack's name. */
    public static final String LABEL = "com.docker.stack.namespace";
    /** The label a service carries with its image as the compose file wrote it. */
    public static final String IMAGE_LABEL = "com.docker.stack.image";
    /** The compose key a secret or config was made from (its name carries a content hash). */
    public static final String KEY_LABEL = "dev.jcompose.stack.key";

    public Namespace {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a stack needs a name");
        }
    }

    /** {@code NAME_key}. */
    public String scope(String key) {
        return name + "_" + key;
    }

    /** The key of a scoped name: {@code NAME_web} is {@code web}. */
    public String descope(String scoped) {
        return scoped.startsWith(name + "_") ? scoped.substring(name.length() + 1) : scoped;
    }

    /** {@code labels} with the stack's label added (a new map, in order). */
    public Map<String, String> labelled(Map<String, String> labels) {
        Map<String, String> out = new LinkedHashMap<>(labels == null ? Map.of() : labels);
        out.put(LABEL, name);
        return out;
    }

    /** The label filter that finds the stack's objects. */
    public Map<String, String> filter() {
        return Map.of(LABEL, name);
    }
}
