package dev.jcompose.api.local;

/**
 * Where {@code cp} unpacks an archive and how it renames its root, as the docker CLI's archive
 * package decides ({@code PrepareArchiveCopy}): into an existing folder as it is; otherwise into
 * the destination's parent, the root taking the destination's name. Paths are slash-separated;
 * pure, so tested without an engine.
 */
final class CopyRules {

    private CopyRules() {
    }

    /** A path split as docker splits it: {@code /a/b/.} is {@code /a/b} and {@code .}. */
    record Split(String dir, String base) { }

    /** What is copied: its root entry's name in the archive, and whether it is a folder. */
    record Source(String base, boolean isDir) { }

    /** Where to: the path, whether it exists, and whether it is a folder. */
    record Destination(String path, boolean exists, boolean isDir) { }

    /** The decision: unpack into {@code dir}, the root entry named {@code root}. */
    record Unpack(String dir, String root) { }

    static Split split(String path) {
        String cleaned = clean(path);
        if (currentDir(path)) {
            cleaned = cleaned.equals("/") ? "/." : cleaned + "/.";
        }
        int slash = cleaned.lastIndexOf('/');
        if (slash < 0) {
            return new Split(".", cleaned);
        }
        return new Split(slash == 0 ? "/" : cleaned.substring(0, slash),
                cleaned.substring(slash + 1));
    }

    /** Whether the path names a folder's contents: {@code .} or ending {@code /.}. */
    static boolean currentDir(String path) {
        return path.equals(".") || path.endsWith("/.");
    }

    /** Whether the path says it must be a folder: a trailing {@code /}, or {@code /.}. */
    static boolean assertsDirectory(String path) {
        return path.endsWith("/") || currentDir(path);
    }

    /** Go's {@code path.Clean}: no doubled or trailing slashes, no {@code .}, {@code ..} resolved. */
    static String clean(String path) {
        boolean abs = path.startsWith("/");
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!abs) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(p);
        }
        String joined = String.join("/", parts);
        return abs ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    /** A link's target, relative ones taken from the link's folder. */
    static String linkTarget(String linkPath, String target) {
        return target.startsWith("/") ? target : clean(split(linkPath).dir() + "/" + target);
    }

    /**
     * Where and as what the archive of {@code source} is unpacked for {@code destination}.
     *
     * @throws IllegalArgumentException with docker's reason when the copy cannot be made
     */
    static Unpack prepare(Source source, Destination destination) {
        Split dst = split(destination.path());
        if (destination.exists() && destination.isDir()) {
            return new Unpack(destination.path(), source.base());
        }
        if (destination.exists() && source.isDir()) {
            throw new IllegalArgumentException("cannot copy directory");
        }
        if (!destination.exists() && !source.isDir() && assertsDirectory(destination.path())) {
            throw new IllegalArgumentException("no such directory");
        }
        return new Unpack(dst.dir(), dst.base());
    }
}
