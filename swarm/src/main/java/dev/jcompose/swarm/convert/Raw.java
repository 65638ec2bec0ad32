package dev.jcompose.swarm.convert;

import com.github.dockerjava.api.model.DockerObject;
import com.github.dockerjava.api.model.DockerObjectAccessor;
import java.util.Collection;
import java.util.Map;

/**
 * Fields of the Engine API that docker-java's swarm models lack (job modes, placement
 * preferences, capabilities, sysctls, ulimits, pids limits, generic resources, secret data as
 * bytes): docker-java keeps extra JSON fields on every model object and writes them with the
 * others, so they are set here, by their API name.
 */
final class Raw {

    private Raw() {
    }

    /** Sets {@code key} on {@code target} when {@code value} is set (not null, not empty). */
    static <T extends DockerObject> T put(T target, String key, Object value) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty()) {
            return target;
        }
        DockerObjectAccessor.overrideRawValue(target, key, value);
        return target;
    }
}
