package dev.jcompose.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}: the test's output must equal the
 * file's text. Run with {@code -Dgolden.update=true} to write the files from the output (then
 * read the diff before committing it).
 */
final class Golden {

    static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    static void check(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
            return;
        }
        String expected = Files.isRegularFile(file) ? Files.readString(file)
                : "(no golden file " + file + "; run with -Dgolden.update=true to write it)";
        assertEquals(expected, actual, "output differs from " + file);
    }
}
