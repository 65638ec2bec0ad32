package dev.jcompose.model;

/**
 * One published or exposed port, long form. {@code published} is a port or a range
 * ({@code "8000-8010"}), or null for a random host port.
 */
public record PortConfig(
        String name,
        String mode,
        String hostIp,
        Integer target,
        String published,
        String protocol,
        String appProtocol) {

    public PortConfig {
        if (protocol == null) {
            protocol = "tcp";
        }
        if (mode == null) {
            mode = "ingress";
        }
    }
}
