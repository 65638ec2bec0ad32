package dev.jcompose.api;

import java.nio.file.Path;

/**
 * What {@code cp} copies: {@code SERVICE:PATH} on one side, a local path (or {@code -} for a
 * tar stream on standard input or output) on the other, as {@code docker cp} copies.
 *
 * @param source      {@code SERVICE:SRC_PATH}, a local path, or {@code -}
 * @param destination {@code SERVICE:DEST_PATH}, a local path, or {@code -}
 * @param index       which of the service's containers (0: into every one of them, out of the
 *                    first)
 * @param all         also the service's one-off containers ({@code run})
 * @param followLink  follow a symbolic link given as the source
 * @param copyUidGid  keep the files' owners (archive mode)
 * @param workingDir  what relative local paths are relative to
 * @param dryRun      say what would be copied, copy nothing
 */
public record CopyOptions(String source, String destination, int index, boolean all,
        boolean followLink, boolean copyUidGid, Path workingDir, boolean dryRun) {

    /** Copies {@code source} to {@code destination}, relative to the current directory. */
    public static CopyOptions of(String source, String destination) {
        return new CopyOptions(source, destination, 0, false, false, false,
                Path.of("").toAbsolutePath(), false);
    }

    public CopyOptions withIndex(int n) {
        return new CopyOptions(source, destination, n, all, followLink, copyUidGid, workingDir,
                dryRun);
    }

    public CopyOptions withAll(boolean on) {
        return new CopyOptions(source, destination, index, on, followLink, copyUidGid,
                workingDir, dryRun);
    }

    public CopyOptions withFollowLink(boolean on) {
        return new CopyOptions(source, destination, index, all, on, copyUidGid, workingDir,
                dryRun);
    }

    public CopyOptions withCopyUidGid(boolean on) {
        return new CopyOptions(source, destination, index, all, followLink, on, workingDir,
                dryRun);
    }

    public CopyOptions withWorkingDir(Path dir) {
        return new CopyOptions(source, destination, index, all, followLink, copyUidGid, dir,
                dryRun);
    }

    public CopyOptions withDryRun(boolean on) {
        return new CopyOptions(source, destination, index, all, followLink, copyUidGid,
                workingDir, on);
    }
}
