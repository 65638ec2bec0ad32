package dev.jcompose.api;

/**
 * What {@code port} looks up.
 *
 * @param service  the service
 * @param port     the container's port
 * @param protocol tcp or udp
 * @param index    which of the service's containers (1 for the first)
 */
public record PortOptions(String service, int port, String protocol, int index) { }
