package dev.jcompose.runtime.context;

/**
 * An engine address as the docker CLI normalises {@code -H} and {@code DOCKER_HOST} (its
 * {@code opts.ParseHost}): a bare {@code host:port} is TCP, TCP addresses get the default host
 * and port filled in, {@code unix://} and {@code npipe://} their default paths, {@code ssh://}
 * and {@code fd://} are kept as given, any other scheme is refused.
 */
public final class DaemonHost {

    public static final String DEFAULT_UNIX = "unix:///var/run/docker.sock";
    static final String DEFAULT_TLS = "tcp://localhost:2376";
    private static final String DEFAULT_HOST = "localhost";
    private static final String DEFAULT_PORT = "2375";

    private DaemonHost() {
    }

    /**
     * {@code value} normalised; the default address when it is blank (TCP on 2376 when TLS is
     * on, else the Unix socket).
     *
     * @throws IllegalArgumentException with the docker CLI's reason when it does not parse
     */
    public static String parse(String value, boolean defaultToTls) {
        String host = value == null ? "" : value.strip();
        if (host.isEmpty()) {
            return defaultToTls ? DEFAULT_TLS : DEFAULT_UNIX;
        }
        int sep = host.indexOf("://");
        String proto = sep < 0 ? "tcp" : host.substring(0, sep);
        String rest = sep < 0 ? host : host.substring(sep + 3);
        return switch (proto) {
            case "tcp" -> tcp(rest, host);
            case "unix" -> simple(proto, rest, "/var/run/docker.sock");
            case "npipe" -> simple(proto, rest, "//./pipe/docker_engine");
            case "fd", "ssh" -> host;
            default -> throw new IllegalArgumentException("invalid bind address format: " + host);
        };
    }

    private static String simple(String proto, String addr, String defaultAddr) {
        if (addr.contains("://")) {
            throw new IllegalArgumentException("invalid proto, expected " + proto + ": " + addr);
        }
        return proto + "://" + (addr.isEmpty() ? defaultAddr : addr);
    }

    private static String tcp(String addr, String given) {
        if (addr.isEmpty()) {
            return "tcp://" + DEFAULT_HOST + ":" + DEFAULT_PORT;
        }
        if (addr.contains("://")) {
            throw new IllegalArgumentException("invalid proto, expected tcp: " + given);
        }
        if (addr.endsWith("]:")) {
            addr += DEFAULT_PORT;
        }
        int end = addr.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = addr.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = addr.substring(0, end);
        String path = end < addr.length() && addr.charAt(end) == '/'
                ? addr.substring(end).replaceFirst("[?#].*$", "") : "";
        String[] hostPort = splitHostPort(authority);
        if (hostPort == null) {
            hostPort = splitHostPort(joinHostPort(authority, DEFAULT_PORT));
        }
        if (hostPort == null) {
            throw new IllegalArgumentException("invalid bind address format: " + given);
        }
        String host = hostPort[0].isEmpty() ? DEFAULT_HOST : hostPort[0];
        String port = hostPort[1].isEmpty() ? DEFAULT_PORT : hostPort[1];
        if (!port.matches("[0-9]+")) {
            throw new IllegalArgumentException("invalid bind address format: " + given);
        }
        return "tcp://" + joinHostPort(host, port) + path;
    }

    /** Go's {@code net.SplitHostPort}: host and port, or null where it reports an error. */
    private static String[] splitHostPort(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || close + 1 >= hostPort.length() || hostPort.charAt(close + 1) != ':') {
                return null;
            }
            String host = hostPort.substring(1, close);
            String port = hostPort.substring(close + 2);
            return port.contains(":") || host.contains("[") ? null : new String[] {host, port};
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.indexOf(':') != colon || hostPort.contains("[")
                || hostPort.contains("]")) {
            return null;
        }
        return new String[] {hostPort.substring(0, colon), hostPort.substring(colon + 1)};
    }

    private static String joinHostPort(String host, String port) {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** Whether {@code host} is a local socket, over which TLS is never negotiated. */
    public static boolean isSocket(String host) {
        return host.startsWith("unix://") || host.startsWith("npipe://")
                || host.startsWith("fd://");
    }
}
