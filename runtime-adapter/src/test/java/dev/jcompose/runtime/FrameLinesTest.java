package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.planner.engine.LogLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's log stream, framed or (a container with a TTY) raw, back into lines. */
class FrameLinesTest {

    private final List<String> lines = new ArrayList<>();
    private final FrameLines out = new FrameLines("c1", LogLine.Stream.STDOUT, false,
            l -> lines.add("out " + l.text()));
    private final FrameLines err = new FrameLines("c1", LogLine.Stream.STDERR, false,
            l -> lines.add("err " + l.text()));

    private static byte[] frame(int stream, String payload) {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(stream);
        b.writeBytes(new byte[] {0, 0, 0, (byte) (p.length >>> 24), (byte) (p.length >>> 16),
                (byte) (p.length >>> 8), (byte) p.length});
        b.writeBytes(p);
        return b.toByteArray();
    }

    private void read(byte[]... parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        FrameLines.demultiplex(new ByteArrayInputStream(all.toByteArray()), out, err);
        out.flush();
        err.flush();
    }

    @Test
    void framesOfBothStreamsBecomeTheirLines() throws IOException {
        read(frame(1, "a\nb"), frame(2, "e1\ne2\n"), frame(1, "c\r\n"), frame(1, "last"));
        assertEquals(List.of("out a", "err e1", "err e2", "out bc", "out last"), lines);
    }

    @Test
    void aFrameLargerThanTheBuffer() throws IOException {
        String big = "x".repeat(100_000);
        read(frame(1, big + "\n"), frame(2, "after\n"));
        assertEquals(List.of("out " + big, "err after"), lines);
    }

    @Test
    void aTtyStreamIsReadAsItIs() throws IOException {
        read("hello\r\nwörld\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("out hello", "out wörld"), lines);
    }

    @Test
    void nothingAtAll() throws IOException {
        read();
        assertEquals(List.of(), lines);
    }

    @Test
    void aStreamCutInsideAFrameFails() {
        byte[] f = frame(1, "complete\n");
        byte[] cut = java.util.Arrays.copyOf(frame(1, "cut off here\n"), 12);
        assertThrows(EOFException.class, () -> read(f, cut));
        assertEquals(List.of("out complete"), lines);
    }

    @Test
    void aTtysFirstShortOutputIsPassedOnBeforeMoreArrives() {
        // "hi\n" and then a stream that fails on the next read: the line is out before it
        InputStream tty = new InputStream() {
            private int reads;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (reads++ > 0) {
                    throw new IOException("no more yet");
                }
                b[off] = 'h';
                b[off + 1] = 'i';
                b[off + 2] = '\n';
                return 3;
            }
        };
        assertThrows(IOException.class, () -> FrameLines.demultiplex(tty, out, err));
        assertEquals(List.of("out hi"), lines);
    }
}
