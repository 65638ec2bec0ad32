package dev.jcompose.model.load;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.YamlPath;
import dev.jcompose.model.tree.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the files a project is made of (compose files, includes, extends, env files) safely:
 * through a bounded stream (a device reports size 0, so a size check alone lets
 * {@code /dev/zero} through), as UTF-8 whose invalid bytes are an error naming their line.
 * A file named inside a compose file must be a regular file ({@code /dev/null} reads as
 * empty): a FIFO would block the loader forever, a device feed it without end.
 */
public final class SourceFiles {

    /** Largest file read, in bytes. */
    public static final int MAX_BYTES = YamlReader.MAX_CHARS;

    private static final Path DEV_NULL = Path.of("/dev/null");

    private SourceFiles() {
    }

    /**
     * Why {@code file}, named inside a compose file, cannot be read, or null when it can: it is
     * a regular file or {@code /dev/null}.
     */
    public static String problem(Path file) {
        if (isDevNull(file)) {
            return null;
        }
        String kind = kind(file);
        return kind == null ? null : kind.equals("not found") ? "not found"
                : "it is " + kind + ", not a regular file";
    }

    /**
     * Why {@code file}, given on the command line, cannot be read, or null: there a pipe
     * ({@code -f <(...)}) is fine, read through the same bounded stream.
     */
    public static String commandLineProblem(Path file) {
        String kind = kind(file);
        return kind == null || !kind.equals("not found") && !kind.equals("a directory") ? null
                : kind.equals("not found") ? "not found" : "it is a directory, not a file";
    }

    /**
     * The text of {@code file}.
     *
     * @param shown the name errors use for it
     * @throws ComposeFileException when it is missing, too large, unreadable or not UTF-8
     */
    public static String read(Path file, String shown) {
        if (isDevNull(file)) {
            return "";
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw fail(new Mark(shown, 0, 0), "file not found");
        } catch (IOException e) {
            String kind = kind(file);
            throw fail(new Mark(shown, 0, 0), "cannot read the file: " + (kind != null
                    ? "it is " + kind : e.getMessage()));
        }
        if (bytes.length > MAX_BYTES) {
            throw fail(new Mark(shown, 1, 1), "the file is larger than "
                    + MAX_BYTES / (1024 * 1024) + " MiB; refusing to read it");
        }
        return decode(bytes, shown);
    }

    /** {@code bytes} as UTF-8; the first invalid sequence is an error at its line and column. */
    static String decode(byte[] bytes, String shown) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int column = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw fail(new Mark(shown, line, column), String.format("the file is not valid "
                    + "UTF-8: byte 0x%02x cannot start or continue a character here; save it as "
                    + "UTF-8", bytes[at] & 0xFF));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static boolean isDevNull(Path file) {
        try {
            return Files.exists(file) && Files.isSameFile(file, DEV_NULL);
        } catch (IOException e) {
            return false;
        }
    }

    /** What {@code file} is when it is not a regular file ("a directory"...), else null. */
    private static String kind(Path file) {
        if (!Files.exists(file)) {
            return "not found";
        }
        if (Files.isRegularFile(file)) {
            return null;
        }
        if (Files.isDirectory(file)) {
            return "a directory";
        }
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    private static ComposeFileException fail(Mark mark, String message) {
        return new ComposeFileException(Problem.error(mark, YamlPath.ROOT, message));
    }
}
