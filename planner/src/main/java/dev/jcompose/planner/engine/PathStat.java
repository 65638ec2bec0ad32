package dev.jcompose.planner.engine;

/**
 * A path in a container, as the engine's archive API describes it.
 *
 * @param name       its base name
 * @param size       its size in bytes
 * @param mode       Go's {@code os.FileMode} bits (type bits high, permissions low)
 * @param linkTarget where a symbolic link points, else empty
 */
public record PathStat(String name, long size, long mode, String linkTarget) {

    private static final long DIR = 1L << 31;
    private static final long SYMLINK = 1L << 27;

    public PathStat {
        linkTarget = linkTarget == null ? "" : linkTarget;
    }

    public boolean isDirectory() {
        return (mode & DIR) != 0;
    }

    public boolean isSymlink() {
        return (mode & SYMLINK) != 0;
    }
}
