package dev.jcompose.api.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** docker cp's decisions, as a table: where an archive lands and what its root is called. */
class CopyRulesTest {

    private static String unpack(String base, boolean srcDir, String dst, boolean exists,
            boolean dstDir) {
        CopyRules.Unpack u = CopyRules.prepare(new CopyRules.Source(base, srcDir),
                new CopyRules.Destination(dst, exists, dstDir));
        return u.dir() + " <- " + u.root();
    }

    @Test
    void landsAsDockerCpLandsIt() {
        // into an existing folder: as it is
        assertEquals("/tmp <- a.txt", unpack("a.txt", false, "/tmp", true, true));
        assertEquals("/tmp <- site", unpack("site", true, "/tmp", true, true));
        assertEquals("/tmp <- .", unpack(".", true, "/tmp", true, true));
        // over an existing file, or to a new name: into the parent, named as the destination
        assertEquals("/tmp <- b.txt", unpack("a.txt", false, "/tmp/b.txt", true, false));
        assertEquals("/tmp <- new", unpack("a.txt", false, "/tmp/new", false, false));
        assertEquals("/tmp <- copy", unpack("site", true, "/tmp/copy", false, false));
        assertEquals("/tmp <- copy", unpack(".", true, "/tmp/copy", false, false));
        assertEquals("/tmp/copy <- .", unpack(".", true, "/tmp/copy/.", false, false)
                .replace("/tmp/copy <- .", "/tmp/copy <- ."));
    }

    @Test
    void refusesWhatDockerCpRefuses() {
        assertEquals("cannot copy directory", assertThrows(IllegalArgumentException.class,
                () -> unpack("site", true, "/tmp/file", true, false)).getMessage());
        assertEquals("no such directory", assertThrows(IllegalArgumentException.class,
                () -> unpack("a.txt", false, "/tmp/missing/", false, false)).getMessage());
    }

    @Test
    void splitsAndCleansPathsAsGoDoes() {
        assertEquals(new CopyRules.Split("/a", "b"), CopyRules.split("/a/b/"));
        assertEquals(new CopyRules.Split("/a/b", "."), CopyRules.split("/a/b/."));
        assertEquals(new CopyRules.Split("/", "a"), CopyRules.split("/a"));
        assertEquals(new CopyRules.Split(".", "a"), CopyRules.split("a"));
        assertEquals("/a/c", CopyRules.clean("//a/./b/../c/"));
        assertEquals("../x", CopyRules.clean("../x"));
        assertEquals("/etc/hostname", CopyRules.linkTarget("/tmp/link", "/etc/hostname"));
        assertEquals("/tmp/who", CopyRules.linkTarget("/tmp/link", "who"));
        assertEquals("/who", CopyRules.linkTarget("/tmp/link", "../who"));
    }

    @Test
    void readsServiceSidesAsComposeDoes() {
        assertEquals(new Copier.Side("web", "/etc"), Copier.Side.parse("web:/etc"));
        assertEquals(new Copier.Side(null, "/abs:x"), Copier.Side.parse("/abs:x"));
        assertEquals(new Copier.Side(null, "./file:name"), Copier.Side.parse("./file:name"));
        assertEquals(new Copier.Side(null, "plain"), Copier.Side.parse("plain"));
        assertEquals(new Copier.Side(null, "-"), Copier.Side.parse("-"));
    }
}
