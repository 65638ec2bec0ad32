package dev.jcompose.cli.plugin;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import sun.misc.Signal;

/**
 * The docker CLI's cancellation channel to its plugins ({@code DOCKER_CLI_PLUGIN_SOCKET}): the
 * plugin connects to the socket named there, and the docker CLI closes it when it is
 * interrupted while its output is not a terminal (on a terminal, Ctrl-C reaches the plugin
 * itself). As with compose v2, the close counts as the first interrupt: jcompose raises
 * SIGINT on itself, so a running {@code up} stops its containers and anything else ends with
 * 130. The socket is usually abstract ({@code @docker_cli_...}), which the JDK's Unix sockets
 * cannot reach, hence the C library through JNA (already loaded for the engine's socket).
 */
public final class PluginCancel {

    public static final String SOCKET_ENV = "DOCKER_CLI_PLUGIN_SOCKET";

    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM = 1;

    /** The C library calls used; JNA maps them by name. */
    interface LibC extends Library {
        int socket(int domain, int type, int protocol);

        int connect(int fd, byte[] address, int length);

        int read(int fd, byte[] buffer, int count);
    }

    private PluginCancel() {
    }

    /**
     * Connects to the socket {@code env} names, if any, and raises SIGINT when the docker CLI
     * closes it; does nothing when there is none or it cannot be reached.
     */
    public static void watch(Map<String, String> env) {
        String name = env.get(SOCKET_ENV);
        if (name == null || name.isEmpty()) {
            return;
        }
        Thread.ofPlatform().daemon().name("jcompose-plugin-socket").start(() -> {
            try {
                LibC c = Native.load("c", LibC.class);
                int fd = c.socket(AF_UNIX, SOCK_STREAM, 0);
                byte[] address = address(name);
                if (fd < 0 || c.connect(fd, address, address.length) != 0) {
                    return;
                }
                byte[] b = new byte[1];
                for (int n; (n = c.read(fd, b, 1)) != 0;) {
                    if (n < 0) {
                        return;
                    }
                }
                Signal.raise(new Signal("INT"));
            } catch (RuntimeException | LinkageError e) {
                // no cancellation channel: Ctrl-C still works
            }
        });
    }

    /**
     * The {@code sockaddr_un} of {@code name} as Go's net package makes it: a leading
     * {@code @} names an abstract socket (a NUL byte, no terminator counted), anything else a
     * path (NUL-terminated).
     */
    static byte[] address(String name) {
        byte[] path = name.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = path.length > 0 && path[0] == '@';
        if (abstractName) {
            path[0] = 0;
        }
        ByteBuffer b = ByteBuffer.allocate(2 + path.length + (abstractName ? 0 : 1))
                .order(ByteOrder.nativeOrder());
        b.putShort((short) AF_UNIX).put(path);
        return b.array();
    }
}
