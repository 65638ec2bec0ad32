package dev.jcompose.cli.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The socket addresses the docker CLI names in DOCKER_CLI_PLUGIN_SOCKET, as Go encodes them. */
class PluginCancelTest {

    private static byte[] family() {
        return ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) 1).array();
    }

    @Test
    void anAbstractNameStartsWithANulByteAndHasNoTerminator() {
        byte[] f = family();
        assertArrayEquals(new byte[] {f[0], f[1], 0, 'a', 'b'}, PluginCancel.address("@ab"));
    }

    @Test
    void aPathIsNulTerminated() {
        byte[] f = family();
        assertArrayEquals(new byte[] {f[0], f[1], '/', 's', 0}, PluginCancel.address("/s"));
    }
}
