package dev.jcompose.runtime;

import dev.jcompose.planner.engine.BuildSpec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The tar stream of a build context, built by us (docker-java's own .dockerignore handling is
 * unreliable). The context directory is walked in name order; what the {@code .dockerignore}
 * excludes is left out, and an excluded directory is not even read unless an exception may
 * re-include something inside it. {@code <Dockerfile>.dockerignore} beside the Dockerfile takes
 * precedence over the context's {@code .dockerignore}. The Dockerfile is always sent: an inline
 * one, or one outside the context, is added under a generated name. Symbolic links stay links,
 * permission bits (with setuid, setgid, sticky) and modification times are kept; owners are
 * root, as the Docker CLI sends them.
 *
 * <p>The archive is written while it is sent ({@link #open()}), so a large context is never held
 * in memory.
 */
public final class BuildContext {

    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final String ATTRIBUTES = "unix:mode,size,lastModifiedTime";

    /** What was written: entries by kind, and the bytes of file content. */
    public record Stats(long files, long directories, long links, long contentBytes) { }

    private final Path root;
    private final DockerIgnore ignore;
    private final String dockerfileName;
    private final byte[] generatedDockerfile;
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    private BuildContext(Path root, DockerIgnore ignore, String dockerfileName,
            byte[] generatedDockerfile) {
        this.root = root;
        this.ignore = ignore;
        this.dockerfileName = dockerfileName;
        this.generatedDockerfile = generatedDockerfile;
    }

    /**
     * The context of {@code spec}, checked: the context is a directory, the Dockerfile exists,
     * the ignore file parses.
     *
     * @throws IOException with a message for users when something is missing or invalid
     */
    public static BuildContext of(BuildSpec spec) throws IOException {
        Path root = spec.context().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IOException("the build context " + root + " is not a directory");
        }
        Path ignoreFile = root.resolve(".dockerignore");
        if (spec.inlineDockerfile() != null) {
            byte[] content = spec.inlineDockerfile().getBytes(StandardCharsets.UTF_8);
            return new BuildContext(root, rules(ignoreFile, null), generatedName(content),
                    content);
        }
        Path given = Path.of(spec.dockerfile() == null ? "Dockerfile" : spec.dockerfile());
        Path dockerfile = (given.isAbsolute() ? given : root.resolve(given)).normalize();
        if (!Files.isRegularFile(dockerfile)) {
            throw new IOException("the Dockerfile " + dockerfile + " does not exist"
                    + (given.isAbsolute() ? "" : " (build.dockerfile is relative to the build "
                            + "context " + root + ")"));
        }
        Path specific = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
        if (Files.isRegularFile(specific)) {
            ignoreFile = specific;
        }
        if (dockerfile.startsWith(root)) {
            String name = root.relativize(dockerfile).toString().replace('\\', '/');
            return new BuildContext(root, rules(ignoreFile, name), name, null);
        }
        byte[] content = Files.readAllBytes(dockerfile);
        return new BuildContext(root, rules(ignoreFile, null), generatedName(content), content);
    }

    private static DockerIgnore rules(Path ignoreFile, String dockerfile) throws IOException {
        try {
            return DockerIgnore.read(ignoreFile).including(dockerfile, ".dockerignore");
        } catch (DockerIgnore.InvalidPattern e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String generatedName(byte[] content) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(content);
            return ".jcompose.Dockerfile." + HexFormat.of().formatHex(sha, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Dockerfile's name inside the archive, for the build's {@code dockerfile} option. */
    public String dockerfilePath() {
        return dockerfileName;
    }

    /** The directory the archive is made of. */
    public Path root() {
        return root;
    }

    /**
     * The archive as a stream, written by a virtual thread while it is read. If writing fails,
     * the stream ends early and {@link #failure()} says why.
     */
    public InputStream open() throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream out = new PipedOutputStream(in);
        Thread.ofVirtual().name("build-context " + root).start(() -> {
            try (out) {
                writeTo(out);
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            }
        });
        return in;
    }

    /** Why writing the archive failed, if it did. */
    public IOException failure() {
        return failure.get();
    }

    /** Writes the whole archive to {@code out} (not closing it). */
    public Stats writeTo(OutputStream out) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(new NonClosing(out), 1 << 16);
        Writer w = new Writer(new TarArchiveOutputStream(buffered));
        try (TarArchiveOutputStream tar = w.tar) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            w.walk(root, "");
            if (generatedDockerfile != null) {
                TarArchiveEntry e = new TarArchiveEntry(dockerfileName);
                owned(e);
                e.setMode(S_IFREG | 0644);
                e.setSize(generatedDockerfile.length);
                tar.putArchiveEntry(e);
                tar.write(generatedDockerfile);
                tar.closeArchiveEntry();
                w.files++;
            }
            tar.finish();
        }
        buffered.flush();
        return new Stats(w.files, w.dirs, w.links, w.bytes);
    }

    private static void owned(TarArchiveEntry e) {
        e.setUserId(0);
        e.setGroupId(0);
        e.setUserName("");
        e.setGroupName("");
    }

    /** The walk, one directory at a time, with a reused copy buffer. */
    private final class Writer {
        final TarArchiveOutputStream tar;
        final byte[] buffer = new byte[1 << 16];
        long files;
        long dirs;
        long links;
        long bytes;

        Writer(TarArchiveOutputStream tar) {
            this.tar = tar;
        }

        void walk(Path dir, String rel) throws IOException {
            for (String name : list(dir)) {
                String path = rel.isEmpty() ? name : rel + "/" + name;
                Path p = dir.resolve(name);
                Map<String, Object> attrs;
                try {
                    attrs = Files.readAttributes(p, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue;
                }
                int mode = (Integer) attrs.get("mode");
                int type = mode & S_IFMT;
                boolean excluded = ignore.excludes(path);
                if (type == S_IFDIR) {
                    if (!excluded) {
                        TarArchiveEntry e = new TarArchiveEntry(path + "/");
                        header(e, S_IFDIR | (mode & 07777), attrs);
                        tar.putArchiveEntry(e);
                        tar.closeArchiveEntry();
                        dirs++;
                        walk(p, path);
                    } else if (ignore.mayIncludeInside(path)) {
                        walk(p, path);
                    }
                    continue;
                }
                if (excluded || (generatedDockerfile != null && path.equals(dockerfileName))) {
                    continue;
                }
                if (type == S_IFREG) {
                    file(p, path, mode, attrs);
                } else if (type == S_IFLNK) {
                    TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
                    header(e, S_IFLNK | 0777, attrs);
                    e.setLinkName(Files.readSymbolicLink(p).toString());
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                    links++;
                }
                // sockets, pipes and devices have no place in a build context
            }
        }

        private void file(Path p, String path, int mode, Map<String, Object> attrs)
                throws IOException {
            long size = (Long) attrs.get("size");
            InputStream in;
            try {
                in = Files.newInputStream(p);
            } catch (AccessDeniedException e) {
                throw new IOException("cannot read " + p + " in the build context (permission "
                        + "denied); make it readable or add " + path + " to the .dockerignore",
                        e);
            }
            try (in) {
                TarArchiveEntry e = new TarArchiveEntry(path);
                header(e, S_IFREG | (mode & 07777), attrs);
                e.setSize(size);
                tar.putArchiveEntry(e);
                long left = size;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new IOException(p + " shrank while the build context was written");
                    }
                    tar.write(buffer, 0, n);
                    left -= n;
                }
                tar.closeArchiveEntry();
            }
            files++;
            bytes += size;
        }

        private void header(TarArchiveEntry e, int mode, Map<String, Object> attrs) {
            owned(e);
            e.setMode(mode);
            // whole seconds, as the Docker CLI sends them: no PAX header for every entry
            e.setModTime(FileTime.fromMillis(((FileTime) attrs.get("lastModifiedTime"))
                    .toMillis() / 1000 * 1000));
        }

        private List<String> list(Path dir) throws IOException {
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    names.add(p.getFileName().toString());
                }
            } catch (AccessDeniedException e) {
                String rel = root.relativize(dir).toString();
                throw new IOException("cannot list " + dir + " in the build context (permission "
                        + "denied); make it readable or add " + rel + " to the .dockerignore", e);
            }
            names.sort(null);
            return names;
        }
    }

    /** Lets the tar stream finish without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
