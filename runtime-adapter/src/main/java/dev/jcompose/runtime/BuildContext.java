package dev.jcompose.runtime;

import dev.jcompose.planner.engine.BuildSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The tar stream of a build context, built by us rather than by docker-java. An inline
 * Dockerfile is added to the archive under a generated name.
 */
final class BuildContext implements Closeable {

    private static final String INLINE_NAME = ".jcompose.Dockerfile";

    private final byte[] tar;
    private final String dockerfilePath;

    private BuildContext(byte[] tar, String dockerfilePath) {
        this.tar = tar;
        this.dockerfilePath = dockerfilePath;
    }

    static BuildContext of(BuildSpec spec) throws IOException {
        Path root = spec.context().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IOException("the build context " + root + " is not a directory");
        }
        String dockerfile = spec.inlineDockerfile() != null ? INLINE_NAME : spec.dockerfile();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> !p.equals(root)).sorted().toList();
            }
            for (Path p : files) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                    e.setLinkName(Files.readSymbolicLink(p).toString());
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                } else if (Files.isDirectory(p)) {
                    TarArchiveEntry e = new TarArchiveEntry(p.toFile(), name + "/");
                    e.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | mode(p));
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                } else if (Files.isRegularFile(p)) {
                    TarArchiveEntry e = new TarArchiveEntry(p.toFile(), name);
                    e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode(p));
                    tar.putArchiveEntry(e);
                    Files.copy(p, tar);
                    tar.closeArchiveEntry();
                }
            }
            if (spec.inlineDockerfile() != null) {
                byte[] content = spec.inlineDockerfile().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(INLINE_NAME);
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return new BuildContext(bytes.toByteArray(), dockerfile);
    }

    /** The permission bits of a file, as in {@code ls -l}. */
    private static int mode(Path p) throws IOException {
        int mode = 0;
        for (PosixFilePermission perm : Files.getPosixFilePermissions(p)) {
            mode |= switch (perm) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return mode;
    }

    InputStream stream() {
        return new ByteArrayInputStream(tar);
    }

    String dockerfilePath() {
        return dockerfilePath;
    }

    @Override
    public void close() {
    }
}
