package dev.jcompose.planner.exec;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Where the output of post_start and pre_stop hooks goes, line by line. */
@FunctionalInterface
public interface HookOutput {

    HookOutput NONE = (service, container, stderr, text) -> { };

    void line(String service, String container, boolean stderr, String text);

    /** A stream that hands each complete line it is written to {@code line}. */
    default OutputStream stream(String service, String container, boolean stderr) {
        if (this == NONE) {
            return OutputStream.nullOutputStream();
        }
        return new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    flushLine();
                } else {
                    pending.write(b);
                }
            }

            @Override
            public synchronized void close() {
                if (pending.size() > 0) {
                    flushLine();
                }
            }

            private void flushLine() {
                String text = pending.toString(StandardCharsets.UTF_8);
                pending.reset();
                line(service, container, stderr, text.endsWith("\r")
                        ? text.substring(0, text.length() - 1) : text);
            }
        };
    }
}
