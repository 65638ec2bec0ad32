package dev.jcompose.runtime;

import dev.jcompose.planner.engine.LogLine;
import java.io.ByteArrayOutputStream;
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
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == '\n') {
                pending.write(payload, start, i - start);
                emit();
                start = i + 1;
            }
        }
        pending.write(payload, start, payload.length - start);
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
