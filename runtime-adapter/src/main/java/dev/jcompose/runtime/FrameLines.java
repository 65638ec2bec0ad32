package dev.jcompose.runtime;

import dev.jcompose.planner.engine.LogLine;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * Reassembles log lines from the engine's frames: a frame may hold part of a line or several
 * lines. One instance per stream of one container; not thread-safe.
 */
final class FrameLines {

    private final String containerId;
    private final LogLine.Stream stream;
    private final boolean timestamps;
    private final Consumer<LogLine> sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    FrameLines(String containerId, LogLine.Stream stream, boolean timestamps,
            Consumer<LogLine> sink) {
        this.containerId = containerId;
        this.stream = stream;
        this.timestamps = timestamps;
        this.sink = sink;
    }

    void accept(byte[] payload) {
        accept(payload, payload.length);
    }

    /** Takes the first {@code length} bytes of {@code payload}. */
    void accept(byte[] payload, int length) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (payload[i] == '\n') {
                pending.write(payload, start, i - start);
                emit();
                start = i + 1;
            }
        }
        pending.write(payload, start, length - start);
    }

    /**
     * Reads a container's log or attach stream into its two streams' lines: frames with an
     * 8-byte header (stream 1 stdout, 2 stderr; then the payload's size, big-endian), or, from a
     * container with a TTY, the output as it is (its first bytes are no frame header), all of it
     * stdout. Returns at the end of the stream.
     */
    static void demultiplex(InputStream in, FrameLines out, FrameLines err) throws IOException {
        byte[] header = new byte[8];
        // what has arrived, not 8 bytes: a TTY's first output may be shorter, and is due at once
        int n = in.read(header, 0, header.length);
        if (n <= 0) {
            return;
        }
        if (header[0] >= 0 && header[0] <= 2) {
            n += in.readNBytes(header, n, header.length - n);
        }
        if (n < header.length || header[0] < 0 || header[0] > 2 || header[1] != 0
                || header[2] != 0 || header[3] != 0) {
            out.accept(header, n);
            byte[] buffer = new byte[16384];
            for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                out.accept(buffer, r);
            }
            return;
        }
        byte[] payload = new byte[16384];
        do {
            int size = (header[4] & 0xff) << 24 | (header[5] & 0xff) << 16
                    | (header[6] & 0xff) << 8 | header[7] & 0xff;
            if (size > payload.length) {
                payload = new byte[size];
            }
            if (in.readNBytes(payload, 0, size) < size) {
                throw new EOFException("log stream ended inside a frame");
            }
            (header[0] == 2 ? err : out).accept(payload, size);
        } while (in.readNBytes(header, 0, header.length) == header.length);
    }

    /** Emits a last line that had no newline. */
    void flush() {
        if (pending.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        Instant ts = null;
        if (timestamps) {
            int space = line.indexOf(' ');
            if (space > 0) {
                try {
                    ts = Instant.parse(line.substring(0, space));
                    line = line.substring(space + 1);
                } catch (DateTimeParseException e) {
                    ts = null;
                }
            }
        }
        sink.accept(new LogLine(containerId, stream, ts, line));
    }
}
