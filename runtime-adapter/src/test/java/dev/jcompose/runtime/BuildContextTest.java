package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.engine.BuildSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tar stream we send as a build context. */
class BuildContextTest {

    @TempDir
    Path dir;

    private record Entry(TarArchiveEntry header, String content) { }

    private static BuildSpec spec(Path context, String dockerfile, String inline) {
        return new BuildSpec(context, dockerfile, inline, Map.of(), null, List.of("t"), Map.of(),
                false, false, null, List.of(), null, null, List.of());
    }

    private static Map<String, Entry> entries(BuildContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        context.writeTo(out);
        return read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static Map<String, Entry> read(InputStream in) throws IOException {
        Map<String, Entry> out = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                out.put(e.getName(), new Entry(e, e.isFile()
                        ? new String(tar.readAllBytes(), StandardCharsets.UTF_8) : null));
            }
        }
        return out;
    }

    private Path write(String rel, String content) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test
    void ignoredFilesAreLeftOutAndTheDockerfileAndIgnoreFileAlwaysSent() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write(".dockerignore", "# build output\nDockerfile\n.dockerignore\n*.log\nnode_modules\n"
                + "!node_modules/keep.js\nsecret/\n");
        write("app.js", "app");
        write("debug.log", "log");
        write("sub/debug.log", "kept: * stays in one directory");
        write("node_modules/lib.js", "lib");
        write("node_modules/keep.js", "keep");
        write("secret/key", "k");
        Map<String, Entry> tar = entries(BuildContext.of(spec(dir, "Dockerfile", null)));
        assertEquals(List.of(".dockerignore", "Dockerfile", "app.js", "node_modules/keep.js",
                "sub/", "sub/debug.log"), tar.keySet().stream().sorted().toList());
        assertEquals("FROM scratch\n", tar.get("Dockerfile").content());
    }

    @Test
    void modesTimesLinksAndOwnersAreKept() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        Path script = write("bin/run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(dir.resolve("bin"), PosixFilePermissions.fromString(
                "rwx------"));
        Instant when = Instant.parse("2020-02-02T10:00:00Z");
        Files.setLastModifiedTime(script, FileTime.from(when));
        Files.createSymbolicLink(dir.resolve("current"), Path.of("bin/run.sh"));
        Files.createSymbolicLink(dir.resolve("dangling"), Path.of("/nowhere/at/all"));
        Files.createDirectories(dir.resolve("empty"));
        Map<String, Entry> tar = entries(BuildContext.of(spec(dir, "Dockerfile", null)));

        TarArchiveEntry run = tar.get("bin/run.sh").header();
        assertEquals(0750, run.getMode() & 07777);
        assertTrue(run.isFile());
        assertEquals(when, run.getModTime().toInstant());
        assertEquals(0, run.getLongUserId());
        assertEquals("", run.getUserName());
        assertEquals(0700, tar.get("bin/").header().getMode() & 07777);
        assertTrue(tar.get("bin/").header().isDirectory());
        TarArchiveEntry link = tar.get("current").header();
        assertTrue(link.isSymbolicLink());
        assertEquals("bin/run.sh", link.getLinkName());
        assertEquals("/nowhere/at/all", tar.get("dangling").header().getLinkName());
        assertTrue(tar.containsKey("empty/"), "empty directories are sent");
    }

    @Test
    void aDockerfileSpecificIgnoreFileWinsOverTheContextOne() throws IOException {
        write("docker/app.Dockerfile", "FROM scratch\n");
        write("docker/app.Dockerfile.dockerignore", "*\n!src\n");
        write(".dockerignore", "src\n");
        write("src/main.c", "int main;");
        write("README", "r");
        BuildContext context = BuildContext.of(spec(dir, "docker/app.Dockerfile", null));
        assertEquals("docker/app.Dockerfile", context.dockerfilePath());
        Map<String, Entry> tar = entries(context);
        assertEquals(List.of(".dockerignore", "docker/app.Dockerfile", "src/", "src/main.c"),
                tar.keySet().stream().sorted().toList());
    }

    @Test
    void anInlineDockerfileIsAddedUnderAGeneratedName() throws IOException {
        write("file.txt", "x");
        BuildContext context = BuildContext.of(spec(dir, null, "FROM scratch\nCOPY . /\n"));
        assertTrue(context.dockerfilePath().startsWith(".jcompose.Dockerfile."),
                context.dockerfilePath());
        Map<String, Entry> tar = entries(context);
        assertEquals("FROM scratch\nCOPY . /\n", tar.get(context.dockerfilePath()).content());
        assertTrue(tar.containsKey("file.txt"));
    }

    @Test
    void aDockerfileOutsideTheContextIsAddedAndItsIgnoreFileApplies() throws IOException {
        Path context = dir.resolve("ctx");
        write("ctx/a.txt", "a");
        write("ctx/b.txt", "b");
        write("elsewhere/Dockerfile", "FROM scratch\nCOPY a.txt /\n");
        write("elsewhere/Dockerfile.dockerignore", "b.txt\n");
        BuildContext bc = BuildContext.of(spec(context,
                dir.resolve("elsewhere/Dockerfile").toString(), null));
        Map<String, Entry> tar = entries(bc);
        assertEquals("FROM scratch\nCOPY a.txt /\n", tar.get(bc.dockerfilePath()).content());
        assertTrue(tar.containsKey("a.txt"));
        assertFalse(tar.containsKey("b.txt"));
    }

    @Test
    void missingContextOrDockerfileAndBadIgnoreFilesAreClearErrors() throws IOException {
        IOException noDir = assertThrows(IOException.class,
                () -> BuildContext.of(spec(dir.resolve("nope"), "Dockerfile", null)));
        assertTrue(noDir.getMessage().contains("is not a directory"), noDir.getMessage());
        IOException noFile = assertThrows(IOException.class,
                () -> BuildContext.of(spec(dir, "Dockerfile.dev", null)));
        assertTrue(noFile.getMessage().contains("Dockerfile.dev does not exist"),
                noFile.getMessage());
        write("Dockerfile", "FROM scratch\n");
        write(".dockerignore", "ok\n[broken\n");
        IOException bad = assertThrows(IOException.class,
                () -> BuildContext.of(spec(dir, "Dockerfile", null)));
        assertTrue(bad.getMessage().contains(".dockerignore: line 2: \"[broken\""),
                bad.getMessage());
    }

    @Test
    void theStreamedArchiveEqualsTheWrittenOne() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        for (int i = 0; i < 200; i++) {
            write("d" + (i % 7) + "/f" + i + ".bin", "x".repeat(i * 100));
        }
        BuildContext context = BuildContext.of(spec(dir, "Dockerfile", null));
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        BuildContext.Stats stats = context.writeTo(direct);
        assertEquals(201, stats.files());
        assertEquals(7, stats.directories());
        byte[] streamed;
        try (InputStream in = context.open()) {
            streamed = in.readAllBytes();
        }
        assertArrayEquals(direct.toByteArray(), streamed);
        assertEquals(null, context.failure());
    }
}
