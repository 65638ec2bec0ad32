package dev.jcompose.runtime;

import static dev.jcompose.runtime.EngineConnection.encoded;
import static com.github.dockerjava.transport.DockerHttpClient.Request.Method.PUT;

import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.CopiedFile;
import dev.jcompose.planner.engine.EngineException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Files put into a container through the engine's archive API: the files of a spec (secrets and
 * configs given as content) and host files as they are on disk ({@code watch}'s sync), each as
 * one tar extracted at the container's root.
 */
final class ContainerArchives {

    private final EngineConnection api;

    ContainerArchives(EngineConnection api) {
        this.api = api;
    }

    void putFiles(String containerId, List<ContainerSpec.File> files) {
        putArchive(containerId, tar -> {
            for (ContainerSpec.File f : files) {
                var entry = new TarArchiveEntry(f.path().replaceFirst("^/+", ""));
                entry.setMode(f.mode());
                entry.setUserId(f.uid());
                entry.setGroupId(f.gid());
                entry.setModTime(System.currentTimeMillis());
                write(tar, entry, f.content().getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    void copyToContainer(String containerId, List<CopiedFile> files) {
        putArchive(containerId, tar -> {
            for (CopiedFile f : files) {
                String name = f.target().replaceFirst("^/+", "");
                try {
                    if (Files.isDirectory(f.source())) {
                        tar.putArchiveEntry(new TarArchiveEntry(f.source(), name + "/"));
                        tar.closeArchiveEntry();
                    } else if (Files.isRegularFile(f.source())) {
                        // read first: a file being rewritten must not change size mid-entry
                        byte[] content = Files.readAllBytes(f.source());
                        write(tar, new TarArchiveEntry(f.source(), name), content);
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // deleted since listed: its deletion is the caller's next change
                }
            }
        });
    }

    /** Writes the entries {@code body} adds into a tar and extracts it at the container's /. */
    private void putArchive(String containerId, TarBody body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            body.write(tar);
            tar.finish();
        } catch (java.io.IOException e) {
            throw new EngineException("cannot pack files for " + containerId + ": "
                    + e.getMessage());
        }
        api.request(PUT, "/containers/" + encoded(containerId) + "/archive?path=%2F",
                bytes.toByteArray(), "application/x-tar");
    }

    private static void write(TarArchiveOutputStream tar, TarArchiveEntry entry, byte[] content)
            throws java.io.IOException {
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** Adds entries to a tar. */
    @FunctionalInterface
    private interface TarBody {
        void write(TarArchiveOutputStream tar) throws java.io.IOException;
    }
}
