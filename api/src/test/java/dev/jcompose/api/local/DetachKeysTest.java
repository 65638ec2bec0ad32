package dev.jcompose.api.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.ComposeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DetachKeysTest {

    @Test
    void readsTheSequencesTheDockerCliReads() {
        assertArrayEquals(new byte[] {16, 17}, DetachKeys.parse("ctrl-p,ctrl-q"));
        assertArrayEquals(new byte[] {0, 27, 28, 29, 30, 31},
                DetachKeys.parse("ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_"));
        assertArrayEquals(new byte[] {'a', 24}, DetachKeys.parse("a,ctrl-X"));
        assertEquals("--detach-keys: unknown character 'ctrl-1' (use ctrl-a to ctrl-z, ctrl-@, "
                + "ctrl-[, ctrl-\\, ctrl-], ctrl-^, ctrl-_ or single characters, "
                + "comma-separated: ctrl-p,ctrl-q)", assertThrows(ComposeException.class,
                        () -> DetachKeys.parse("ctrl-1")).getMessage());
        assertThrows(ComposeException.class, () -> DetachKeys.parse("shift-a"));
    }

    /** Everything read until the end of input, read on a thread of its own. */
    private static java.util.concurrent.CompletableFuture<String> reading(
            DetachKeys.Watching in) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            StringBuilder out = new StringBuilder();
            byte[] buf = new byte[64];
            try {
                for (int n; (n = in.read(buf, 0, buf.length)) > 0; ) {
                    out.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toString();
        });
    }

    @Test
    void takesTheSequenceOutAndPassesUnfinishedOnesThrough() throws Exception {
        byte[] keys = DetachKeys.parse("ctrl-p,ctrl-q");
        DetachKeys.Watching plain = new DetachKeys.Watching(new ByteArrayInputStream(
                "ab\u0010cd\u0010".getBytes(StandardCharsets.ISO_8859_1)), keys);
        assertEquals("ab\u0010cd\u0010", reading(plain).get(10, TimeUnit.SECONDS));
        assertEquals(1, plain.detached().getCount());
        DetachKeys.Watching detaching = new DetachKeys.Watching(new ByteArrayInputStream(
                "one\u0010\u0010\u0011two".getBytes(StandardCharsets.ISO_8859_1)), keys);
        var read = reading(detaching);
        assertTrue(detaching.detached().await(10, TimeUnit.SECONDS));
        assertTrue(detaching.detachedByKeys());
        Thread.sleep(100);
        assertFalse(read.isDone(), "the input ended at the detach keys");
        detaching.close();
        assertEquals("one\u0010", read.get(10, TimeUnit.SECONDS));
    }
}
