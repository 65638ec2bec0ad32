package dev.jcompose.api;

import java.time.Instant;
import java.util.Map;

/**
 * An event of a project's container, network or volume, as the engine reports it.
 *
 * @param time       when it happened
 * @param type       container, network, volume, image
 * @param action     create, start, die, stop, destroy, health_status: healthy, ...
 * @param id         the object's id
 * @param service    the service it belongs to, or null
 * @param attributes labels and details (for die: exitCode)
 */
public record ComposeEvent(Instant time, String type, String action, String id,
        String service, Map<String, String> attributes) {

    public ComposeEvent {
        attributes = Map.copyOf(attributes);
    }

    public String attribute(String key) {
        return attributes.get(key);
    }

    /** The container's name, or null. */
    public String name() {
        return attributes.get("name");
    }

    /** Whether it concerns a one-off container ({@code run}). */
    public boolean oneOff() {
        return "True".equals(attributes.get("com.docker.compose.oneoff"));
    }

    /** The container's replica number, as text, or null. */
    public String number() {
        return attributes.get("com.docker.compose.container-number");
    }

    /** The exit code a {@code die} event reports (0 when absent, 1 when unreadable). */
    public int exitCode() {
        String s = attributes.get("exitCode");
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
