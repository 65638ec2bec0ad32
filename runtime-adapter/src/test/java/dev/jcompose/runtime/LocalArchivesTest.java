package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalArchivesTest {

    @TempDir
    Path dir;

    private byte[] tar(Path source, String root, boolean follow) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalArchives.tar(source, root, follow, out);
        return out.toByteArray();
    }

    private String tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return String.join(" ", s.filter(p -> !p.equals(root))
                    .map(p -> root.relativize(p) + (Files.isSymbolicLink(p) ? "@"
                            : Files.isDirectory(p) ? "/" : "")).sorted().toList());
        }
    }

    @Test
    void packsAFolderUnderItsRootOrItsContentsAloneAndUnpacksRenamed() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site/sub"));
        Files.writeString(site.resolve("a.txt"), "alpha");
        Files.createSymbolicLink(dir.resolve("site/link"), Path.of("sub/a.txt"));
        Path out = Files.createDirectories(dir.resolve("out"));
        LocalArchives.untar(new ByteArrayInputStream(tar(dir.resolve("site"), "site", false)),
                out, "site", "copy");
        assertEquals("copy/ copy/link@ copy/sub/ copy/sub/a.txt", tree(out));
        Path contents = Files.createDirectories(dir.resolve("contents"));
        LocalArchives.untar(new ByteArrayInputStream(tar(dir.resolve("site"), ".", false)),
                contents, null, null);
        assertEquals("link@ sub/ sub/a.txt", tree(contents));
        Path followed = Files.createDirectories(dir.resolve("followed"));
        LocalArchives.untar(new ByteArrayInputStream(tar(dir.resolve("site/link"), "file",
                true)), followed, null, null);
        assertEquals("alpha", Files.readString(followed.resolve("file")));
        assertTrue(!Files.isSymbolicLink(followed.resolve("file")));
    }

    @Test
    void refusesEntriesOutsideTheFolderAndAFileOverAFolder() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry e = new TarArchiveEntry("../escape");
            e.setSize(1);
            t.putArchiveEntry(e);
            t.write('x');
            t.closeArchiveEntry();
        }
        Path target = Files.createDirectories(dir.resolve("t"));
        IOException outside = assertThrows(IOException.class, () -> LocalArchives.untar(
                new ByteArrayInputStream(bytes.toByteArray()), target, null, null));
        assertTrue(outside.getMessage().contains("outside"), outside.getMessage());
        Files.createDirectories(target.resolve("name"));
        Files.writeString(dir.resolve("name"), "file");
        IOException over = assertThrows(IOException.class, () -> LocalArchives.untar(
                new ByteArrayInputStream(tar(dir.resolve("name"), "name", false)), target, null,
                null));
        assertTrue(over.getMessage().contains("cannot overwrite directory"), over.getMessage());
    }

    @Test
    void renamesOnlyTheRootComponent() {
        assertEquals("copy/sub", LocalArchives.rename("site/sub/", "site", "copy"));
        assertEquals("sitemap", LocalArchives.rename("sitemap", "site", "copy"));
        assertEquals("new/a", LocalArchives.rename("./a", ".", "new"));
    }
}
