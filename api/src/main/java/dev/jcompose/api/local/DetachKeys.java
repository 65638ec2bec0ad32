package dev.jcompose.api.local;

import dev.jcompose.api.ComposeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * The key sequence that detaches from a container ({@code ctrl-p,ctrl-q}), read as the docker
 * CLI reads it, and the input stream that watches for it: the keys typed before a sequence is
 * complete are held back, then passed on if it is not completed.
 */
final class DetachKeys {

    private DetachKeys() {
    }

    /**
     * The bytes of a sequence: {@code ctrl-a} to {@code ctrl-z}, {@code ctrl-@},
     * {@code ctrl-[}, {@code ctrl-\}, {@code ctrl-]}, {@code ctrl-^}, {@code ctrl-_}, or a single
     * character, comma-separated.
     *
     * @throws ComposeException for anything else
     */
    static byte[] parse(String keys) {
        String[] parts = keys.split(",", -1);
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String k = parts[i].strip();
            if (k.length() == 1) {
                out[i] = (byte) k.charAt(0);
            } else if (k.length() == 6 && k.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("ctrl-")) {
                char c = Character.toLowerCase(k.charAt(5));
                if (c >= 'a' && c <= 'z') {
                    out[i] = (byte) (c - 'a' + 1);
                } else if ("@[\\]^_".indexOf(c) >= 0) {
                    out[i] = (byte) ("@[\\]^_".indexOf(c) == 0 ? 0 : 26 + "@[\\]^_".indexOf(c));
                } else {
                    throw unknown(k);
                }
            } else {
                throw unknown(k);
            }
        }
        return out;
    }

    private static ComposeException unknown(String key) {
        return new ComposeException("--detach-keys: unknown character '" + key + "' (use "
                + "ctrl-a to ctrl-z, ctrl-@, ctrl-[, ctrl-\\, ctrl-], ctrl-^, ctrl-_ or single "
                + "characters, comma-separated: ctrl-p,ctrl-q)");
    }

    /**
     * Standard input with the sequence taken out: once it is typed, {@link #detached()} counts
     * down and reads block until {@link #close()} (an end of input would close the container's
     * standard input too).
     */
    static final class Watching extends FilterInputStream {
        private final byte[] keys;
        private final CountDownLatch detached = new CountDownLatch(1);
        private final CountDownLatch closed = new CountDownLatch(1);
        private final java.util.ArrayDeque<Byte> ready = new java.util.ArrayDeque<>();
        private int matched;
        private volatile boolean byKeys;

        Watching(InputStream in, byte[] keys) {
            super(in);
            this.keys = keys.clone();
        }

        /** Counted down when the sequence is typed; shared with whoever waits for the end. */
        CountDownLatch detached() {
            return detached;
        }

        /** Whether the sequence was typed (not merely the latch counted down by another). */
        boolean detachedByKeys() {
            return byKeys;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (ready.isEmpty()) {
                if (detached.getCount() == 0) {
                    try {
                        closed.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return -1;
                }
                int c = in.read(); // a key at a time: a terminal sends them so
                if (c < 0) {
                    release(matched);
                    matched = 0;
                    if (ready.isEmpty()) {
                        return -1;
                    }
                    break;
                }
                if ((byte) c == keys[matched]) {
                    if (++matched == keys.length) {
                        matched = 0;
                        byKeys = true;
                        detached.countDown();
                    }
                    continue;
                }
                // a sequence begun and not finished: its keys go through after all
                release(matched);
                matched = 0;
                if ((byte) c == keys[0]) {
                    matched = 1;
                } else {
                    ready.add((byte) c);
                }
            }
            int n = 0;
            while (n < len && !ready.isEmpty()) {
                b[off + n++] = ready.poll();
            }
            return n;
        }

        private void release(int count) {
            for (int i = 0; i < count; i++) {
                ready.add(keys[i]);
            }
        }

        @Override
        public int available() {
            return ready.size();
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
