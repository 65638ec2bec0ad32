package dev.jcompose.api;

import dev.jcompose.api.local.LocalTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the host reaches a service's published ports: the engine's host for a port bound to
 * every address (or when the engine is remote), the bound address otherwise.
 */
final class Endpoints {

    /** The host name published ports are reached on ({@code localhost} for a local engine). */
    private final String engineHost;

    Endpoints(String engineHost) {
        this.engineHost = engineHost;
    }

    /**
     * The endpoints of port {@code containerPort}/tcp of the running containers among
     * {@code containers} (the service's, running or not), by replica number.
     *
     * @throws ComposeException when none runs, or one does not publish the port
     */
    List<Endpoint> of(String project, String service, int containerPort,
            List<ContainerInfo> containers) {
        List<ContainerInfo> running = containers.stream()
                .filter(c -> !c.oneOff() && c.isRunning())
                .toList();
        if (running.isEmpty()) {
            throw new ComposeException("service " + service + " of project " + project
                    + " has no running container" + stateHint(containers) + "; start it with "
                    + "up() and check its logs");
        }
        List<Endpoint> out = new ArrayList<>();
        for (ContainerInfo c : running) {
            ContainerInfo.Port port = c.ports().stream()
                    .filter(p -> p.containerPort() == containerPort && "tcp".equals(p.protocol()))
                    .min(Comparator.comparing(p -> p.hostIp().contains(":") ? 1 : 0))
                    .orElseThrow(() -> new ComposeException("service " + service
                            + " does not publish port " + containerPort + " (container "
                            + c.name() + " publishes " + (c.ports().isEmpty() ? "no ports"
                            : c.ports()) + "); add \"" + containerPort + "\" to the service's "
                            + "ports: to publish it on a free host port"));
            out.add(new Endpoint(hostFor(port.hostIp()), port.hostPort()));
        }
        return out;
    }

    private static String stateHint(List<ContainerInfo> all) {
        if (all.isEmpty()) {
            return " (it has no container at all)";
        }
        return " (" + String.join(", ", all.stream().map(c -> c.name() + " is " + c.status())
                .toList()) + ")";
    }

    private String hostFor(String boundIp) {
        boolean wildcard = boundIp == null || boundIp.isEmpty() || boundIp.equals("0.0.0.0")
                || boundIp.equals("::");
        if (wildcard || !engineHost.equals("localhost")) {
            return engineHost;
        }
        return boundIp;
    }

    /** The host name published ports are reached on, for an engine address. */
    static String hostOf(String dockerHost) {
        return LocalTarget.hostOf(dockerHost);
    }
}
