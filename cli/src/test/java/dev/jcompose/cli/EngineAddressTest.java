package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines that cannot be reached, or reached but silent: each command ends in bounded time with
 * one paragraph naming the address and exit code 1, never a Java stack trace.
 */
class EngineAddressTest {

    @TempDir
    Path dir;

    private CliRunner.Result ps(String dockerHost, String timeout) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  a:\n    image: x\n");
        CliRunner cli = new CliRunner(dir).env("DOCKER_HOST", dockerHost)
                .env("DOCKER_CONTEXT", "").env("JCOMPOSE_ENGINE_TIMEOUT", timeout);
        return cli.run("-p", "addr", "ps");
    }

    private static void assertOneParagraph(CliRunner.Result r, String... parts) {
        assertEquals(1, r.exitCode(), r.toString());
        for (String part : parts) {
            assertTrue(r.err().contains(part), part + " missing:\n" + r);
        }
        assertTrue(r.err().startsWith("error: "), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.toString());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.toString());
    }

    @Test
    void unknownHostsRefusedPortsMissingSocketsAndBadAddressesAreOneParagraph()
            throws IOException {
        assertOneParagraph(ps("tcp://bogus.invalid:1", "30"), "tcp://bogus.invalid:1",
                "unknown host bogus.invalid");
        assertOneParagraph(ps("tcp://127.0.0.1:1", "30"), "tcp://127.0.0.1:1",
                "Connection refused");
        assertOneParagraph(ps("unix://" + dir.resolve("none.sock"), "30"), "none.sock",
                "No such file or directory");
        assertOneParagraph(ps("bogus://x", "30"), "bogus://x", "DOCKER_HOST");
        assertOneParagraph(ps("tcp://[::1", "30"), "tcp://[::1", "DOCKER_HOST");
        assertOneParagraph(ps("unix:///var/run/docker.sock", "soon"),
                "JCOMPOSE_ENGINE_TIMEOUT=soon is not a number of seconds");
    }

    @Test
    void aSocketThatAcceptsButNeverAnswersFailsAfterTheBound() throws Exception {
        Path socket = dir.resolve("silent.sock");
        List<SocketChannel> accepted = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        SocketChannel c = server.accept();
                        accepted.add(c);
                        c.read(ByteBuffer.allocate(4096)); // reads the request, never answers
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            long start = System.nanoTime();
            CliRunner.Result r = ps("unix://" + socket, "1.5");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertOneParagraph(r, "unix://" + socket, "did not answer", "within 1.5s",
                    "JCOMPOSE_ENGINE_TIMEOUT");
            assertTrue(millis < 10_000, "took " + millis + " ms");
            assertFalse(accepted.isEmpty(), "the engine's address was never connected to");
            acceptor.interrupt();
        }
    }
}
