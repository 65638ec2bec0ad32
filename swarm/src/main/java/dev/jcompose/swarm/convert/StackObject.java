package dev.jcompose.swarm.convert;

import java.util.Map;

/**
 * A secret or config of the stack. Its name carries a hash of its content
 * ({@code NAME_key-3f2a9c01d4}), so a changed file becomes a new object and the services that
 * use it roll to it: swarm cannot change a secret in use, and {@code docker stack deploy} fails
 * on one. External objects keep their name and must exist; objects made by a driver keep theirs
 * too (there is no content to hash).
 *
 * @param key            the compose key
 * @param name           the engine's name
 * @param external       whether it must exist already
 * @param data           the content (empty for external and driver objects)
 * @param labels         labels, the stack's and {@link Namespace#KEY_LABEL} included
 * @param driver         the secret driver, or null
 * @param driverOptions  its options
 * @param templateDriver the templating driver, or null
 */
public record StackObject(String key, String name, boolean external, byte[] data,
        Map<String, String> labels, String driver, Map<String, String> driverOptions,
        String templateDriver) {

    public StackObject {
        data = data.clone();
        labels = Map.copyOf(labels);
        driverOptions = Map.copyOf(driverOptions);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
