package dev.jcompose.model.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The short port syntax: {@code [HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]}, with
 * IPv6 host addresses in brackets. Ranges of equal length pair up one to one; a host range for a
 * single container port lets the engine pick one port of the range.
 */
public final class Ports {

    /** One long-form port. {@code published} is null when the engine picks the host port. */
    public record Port(String hostIp, String published, int target, String protocol) { }

    private Ports() {
    }

    /**
     * Parses one short-syntax entry into long-form ports.
     *
     * @throws IllegalArgumentException with a user-readable reason
     */
    public static List<Port> parse(String spec) {
        String s = spec.strip();
        String protocol = "tcp";
        int slash = s.lastIndexOf('/');
        if (slash >= 0) {
            protocol = s.substring(slash + 1);
            s = s.substring(0, slash);
            if (!protocol.matches("tcp|udp|sctp")) {
                throw new IllegalArgumentException("invalid protocol \"" + protocol + "\" in port \""
                        + spec + "\" (use tcp, udp or sctp)");
            }
        }
        String hostIp = null;
        String hostPart = null;
        String containerPart;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                throw invalid(spec);
            }
            hostIp = s.substring(1, close);
            s = s.substring(close + 2);
            int colon = s.lastIndexOf(':');
            if (colon < 0) {
                throw invalid(spec);
            }
            hostPart = s.substring(0, colon);
            containerPart = s.substring(colon + 1);
        } else {
            String[] parts = s.split(":", -1);
            switch (parts.length) {
                case 1 -> containerPart = parts[0];
                case 2 -> {
                    hostPart = parts[0];
                    containerPart = parts[1];
                }
                case 3 -> {
                    hostIp = parts[0];
                    hostPart = parts[1];
                    containerPart = parts[2];
                }
                default -> {
                    // an IPv6 address without brackets: the last two fields are the ports
                    int last = s.lastIndexOf(':');
                    int prev = s.lastIndexOf(':', last - 1);
                    hostIp = s.substring(0, prev);
                    hostPart = s.substring(prev + 1, last);
                    containerPart = s.substring(last + 1);
                }
            }
        }
        if (hostIp != null && hostIp.isEmpty()) {
            hostIp = null;
        }
        if (hostPart != null && hostPart.isEmpty()) {
            hostPart = null;
        }
        int[] container = range(containerPart, spec);
        int[] host = hostPart == null ? null : range(hostPart, spec);
        List<Port> out = new ArrayList<>();
        int count = container[1] - container[0] + 1;
        if (host == null) {
            for (int p = container[0]; p <= container[1]; p++) {
                out.add(new Port(hostIp, null, p, protocol));
            }
            return out;
        }
        int hostCount = host[1] - host[0] + 1;
        if (count == 1) {
            String published = hostCount == 1 ? Integer.toString(host[0]) : host[0] + "-" + host[1];
            out.add(new Port(hostIp, published, container[0], protocol));
            return out;
        }
        if (hostCount != count) {
            throw new IllegalArgumentException("port ranges in \"" + spec
                    + "\" have different lengths (" + hostCount + " host ports for " + count
                    + " container ports)");
        }
        for (int i = 0; i < count; i++) {
            out.add(new Port(hostIp, Integer.toString(host[0] + i), container[0] + i, protocol));
        }
        return out;
    }

    private static int[] range(String text, String spec) {
        String t = text.strip();
        int dash = t.indexOf('-');
        try {
            if (dash < 0) {
                int p = port(t, spec);
                return new int[] {p, p};
            }
            int a = port(t.substring(0, dash), spec);
            int b = port(t.substring(dash + 1), spec);
            if (b < a) {
                throw new IllegalArgumentException("invalid port range \"" + t + "\" in \"" + spec
                        + "\": the end is before the start");
            }
            return new int[] {a, b};
        } catch (NumberFormatException e) {
            throw invalid(spec);
        }
    }

    private static int port(String t, String spec) {
        int p = Integer.parseInt(t.strip());
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("port " + p + " in \"" + spec
                    + "\" is out of range (0-65535)");
        }
        return p;
    }

    private static IllegalArgumentException invalid(String spec) {
        return new IllegalArgumentException("\"" + spec + "\" is not a valid port (use "
                + "[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. 8080:80 or "
                + "127.0.0.1:8080:80/tcp)");
    }
}
