package dev.jcompose.runtime.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Unix socket in a private folder whose every connection is relayed to a new connection of a
 * {@link Dialer}: the HTTP client (docker-java's and the raw one alike) talks plain HTTP to the
 * socket, the dialer carries the bytes over SSH or TLS, one dialed connection per client
 * connection as the docker CLI dials. The folder is readable by its owner only and removed on
 * close or at exit.
 */
public final class LocalRelay implements Closeable {

    private final Dialer dialer;
    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private volatile String lastFailure;
    private volatile boolean closed;

    private LocalRelay(Dialer dialer, Path dir) throws IOException {
        this.dialer = dialer;
        this.dir = dir;
        this.socket = dir.resolve("engine.sock");
        dir.toFile().deleteOnExit();
        socket.toFile().deleteOnExit();
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofPlatform().daemon().name("jcompose-relay").start(this::accept);
    }

    /** A relay to {@code dialer}, listening at once. */
    public static LocalRelay start(Dialer dialer) throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        if (base.toString().length() > 60) {
            base = Path.of("/tmp"); // a socket's path has at most 107 bytes
        }
        Path dir = Files.createTempDirectory(base, "jcompose-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new LocalRelay(dialer, dir);
    }

    /** Where the HTTP client connects: {@code unix:///tmp/jcompose-.../engine.sock}. */
    public URI uri() {
        return URI.create("unix://" + socket);
    }

    /** Why the last connection could not be made or ended early, or null. */
    public String lastFailure() {
        return lastFailure;
    }

    private void accept() {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread.ofPlatform().daemon().name("jcompose-relay-conn").start(() -> relay(client));
        }
    }

    private void relay(SocketChannel client) {
        open.add(client);
        Dialer.Link link;
        try {
            link = dialer.dial();
        } catch (IOException | RuntimeException e) {
            lastFailure = e.getMessage();
            closeQuietly(client);
            open.remove(client);
            return;
        }
        open.add(link);
        InputStream fromClient = Channels.newInputStream(client);
        OutputStream toClient = Channels.newOutputStream(client);
        Thread up = Thread.ofPlatform().daemon().name("jcompose-relay-up").start(() -> {
            pump(fromClient, link.out());
            link.closeWrite();
        });
        pump(link.in(), toClient);
        String failure = link.failure();
        if (failure != null) {
            lastFailure = failure;
        }
        closeQuietly(link);
        closeQuietly(client);
        up.interrupt();
        open.remove(link);
        open.remove(client);
    }

    private static void pump(InputStream in, OutputStream out) {
        byte[] buf = new byte[16384];
        try {
            for (int n; (n = in.read(buf)) >= 0;) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed: the relay of this connection ends
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        open.forEach(LocalRelay::closeQuietly);
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // removed at exit
        }
    }
}
