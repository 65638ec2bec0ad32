package dev.jcompose.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The local side of {@code cp}: a file or folder as a tar stream whose entries are named from a
 * chosen root, and a tar stream extracted into a folder with its root renamed, as the docker
 * CLI's archive package packs and unpacks them (owners not changed, a folder never replaced by
 * a file, nothing written outside the target folder).
 */
public final class LocalArchives {

    private LocalArchives() {
    }

    /**
     * Writes {@code source} (a file, a folder with everything under it, or a link) to
     * {@code out} as a tar stream, its entries named {@code root}, {@code root/child}, ...; a
     * {@code root} of {@code .} names the folder's children alone ({@code a}, {@code a/b}).
     */
    public static void tar(Path source, String root, boolean followLink, OutputStream out)
            throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            boolean contentsOnly = root.equals(".");
            add(tar, source, contentsOnly ? "" : root, followLink, !contentsOnly);
            tar.finish();
        }
    }

    private static void add(TarArchiveOutputStream tar, Path p, String name, boolean follow,
            boolean withSelf) throws IOException {
        LinkOption[] links = follow ? new LinkOption[0]
                : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        if (!follow && Files.isSymbolicLink(p)) {
            TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            e.setLinkName(Files.readSymbolicLink(p).toString());
            attributes(e, p, links);
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
            return;
        }
        if (Files.isDirectory(p, links)) {
            if (withSelf) {
                TarArchiveEntry e = new TarArchiveEntry(name + "/");
                attributes(e, p, links);
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            }
            try (Stream<Path> children = Files.list(p)) {
                for (Path c : children.sorted().toList()) {
                    String child = c.getFileName().toString();
                    // below the root, links are copied as links (docker cp -L follows the root)
                    add(tar, c, name.isEmpty() ? child : name + "/" + child, false, true);
                }
            }
            return;
        }
        TarArchiveEntry e = new TarArchiveEntry(name);
        attributes(e, p, links);
        e.setSize(Files.size(p));
        tar.putArchiveEntry(e);
        Files.copy(p, tar);
        tar.closeArchiveEntry();
    }

    private static void attributes(TarArchiveEntry e, Path p, LinkOption[] links)
            throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,lastModifiedTime",
                links);
        e.setMode((Integer) a.get("mode") & 07777 | modeType(e));
        e.setUserId((Integer) a.get("uid"));
        e.setGroupId((Integer) a.get("gid"));
        e.setModTime(((FileTime) a.get("lastModifiedTime")).toMillis());
    }

    private static int modeType(TarArchiveEntry e) {
        return e.isDirectory() ? 0040000 : e.isSymbolicLink() ? 0120000 : 0100000;
    }

    /**
     * Extracts the tar stream {@code in} into the folder {@code dir}, naming an entry
     * {@code from} (or {@code from/...}) {@code to} (or {@code to/...}) when {@code from} is not
     * null; returns the bytes of file content written.
     *
     * @throws IOException with a message for users: an entry that would land outside
     *                     {@code dir}, a folder in the way of a file or a file in the way of a
     *                     folder
     */
    public static long untar(InputStream in, Path dir, String from, String to)
            throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        long bytes = 0;
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            String name = rename(e.getName(), from, to);
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            Path target = base.resolve(name).normalize();
            if (!target.startsWith(base)) {
                throw new IOException("the archive's entry " + e.getName()
                        + " would be written outside " + base);
            }
            Files.createDirectories(target.getParent());
            if (e.isDirectory()) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                        && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("cannot overwrite non-directory " + target
                            + " with directory " + name);
                }
                Files.createDirectories(target);
            } else if (e.isSymbolicLink()) {
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                continue;
            } else if (e.isLink()) {
                Path linked = base.resolve(rename(e.getLinkName(), from, to)).normalize();
                if (!linked.startsWith(base)) {
                    throw new IOException("the archive's link " + e.getName()
                            + " points outside " + base);
                }
                Files.deleteIfExists(target);
                Files.createLink(target, linked);
                continue;
            } else if (e.isFile()) {
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("cannot overwrite directory " + target
                            + " with non-directory " + name);
                }
                Files.deleteIfExists(target);
                bytes += Files.copy(tar, target);
            } else {
                continue; // devices and fifos are not made by an unprivileged copy
            }
            try {
                Files.setPosixFilePermissions(target, permissions(e.getMode()));
            } catch (UnsupportedOperationException | FileAlreadyExistsException ignored) {
                // a file system without POSIX modes
            }
            Files.setLastModifiedTime(target, FileTime.fromMillis(e.getModTime().getTime()));
        }
        return bytes;
    }

    /** {@code name} with its leading {@code from} component replaced by {@code to}. */
    static String rename(String name, String from, String to) {
        String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (from == null || from.equals(to)) {
            return n;
        }
        if (n.equals(from)) {
            return to;
        }
        if (n.startsWith(from + "/")) {
            return to + n.substring(from.length());
        }
        return n;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                out.add(bits[i]);
            }
        }
        return out;
    }
}
