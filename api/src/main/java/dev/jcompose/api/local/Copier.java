package dev.jcompose.api.local;

import dev.jcompose.api.ComposeException;
import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.CopyOptions;
import dev.jcompose.api.ProcessStreams;
import dev.jcompose.planner.engine.ContainerTools;
import dev.jcompose.planner.engine.PathArchive;
import dev.jcompose.planner.engine.PathStat;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.runtime.LocalArchives;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code cp}: files between a service's containers and the local file system, through the
 * engine's archive API, with the docker CLI's rules ({@link CopyRules}) for where they land.
 */
final class Copier {

    private final Supplier<ContainerTools> tools;
    private final ServiceContainers containers;
    private final ProgressListener progress;

    Copier(Supplier<ContainerTools> tools, ServiceContainers containers,
            ProgressListener progress) {
        this.tools = tools;
        this.containers = containers;
        this.progress = progress;
    }

    /** One side of a copy: a service's path, or a local one (service null). */
    record Side(String service, String path) {
        /** As compose reads {@code SERVICE:PATH}: absolute or {@code ./x:y} paths are local. */
        static Side parse(String arg) {
            int colon = arg.indexOf(':');
            if (arg.startsWith("/") || colon < 0 || arg.startsWith(".")) {
                return new Side(null, arg);
            }
            return new Side(arg.substring(0, colon), arg.substring(colon + 1));
        }
    }

    void copy(String projectName, CopyOptions options, ProcessStreams io) {
        if (options.source().isEmpty()) {
            throw new ComposeException("source can not be empty");
        }
        if (options.destination().isEmpty()) {
            throw new ComposeException("destination can not be empty");
        }
        Side src = Side.parse(options.source());
        Side dst = Side.parse(options.destination());
        if (src.service() != null && dst.service() != null) {
            throw new ComposeException("copying between services is not supported");
        }
        if (src.service() == null && dst.service() == null) {
            throw new ComposeException("unknown copy direction: name the service's side "
                    + "SERVICE:PATH");
        }
        boolean from = src.service() != null;
        String service = from ? src.service() : dst.service();
        List<ContainerInfo> targets = targets(projectName, service, options, from);
        for (ContainerInfo c : targets) {
            String what = from ? c.name() + ":" + src.path() + " to " + dst.path()
                    : src.path() + " to " + c.name() + ":" + dst.path();
            progress.on(new ProgressEvent("Container " + c.name(), ProgressEvent.Status.WORKING,
                    "Copying", what, -1, -1, null));
            if (!options.dryRun()) {
                try {
                    if (from) {
                        copyFrom(c, src.path(), dst.path(), options, io.stdout());
                    } else {
                        copyTo(c, src.path(), dst.path(), options, io.stdin());
                    }
                } catch (IOException | IllegalArgumentException e) {
                    throw new ComposeException(e.getMessage(), e);
                }
            }
            progress.on(new ProgressEvent("Container " + c.name(), ProgressEvent.Status.DONE,
                    "Copied", what, -1, -1, null));
        }
    }

    private List<ContainerInfo> targets(String projectName, String service, CopyOptions o,
            boolean from) {
        if (o.index() > 0) {
            ContainerInfo c = containers.of(projectName, service, false).stream()
                    .filter(x -> x.number() == o.index()).findFirst()
                    .orElseThrow(() -> new ComposeException("service \"" + service
                            + "\" is not running container #" + o.index()));
            return List.of(c);
        }
        List<ContainerInfo> found = containers.of(projectName, service, o.all());
        if (found.isEmpty()) {
            throw new ComposeException("no container found for service \"" + service + "\"");
        }
        return from ? found.subList(0, 1) : found;
    }

    /** A local path made absolute, keeping a trailing {@code /} or {@code /.}. */
    private static String local(String path, CopyOptions o) {
        if (path.startsWith("/")) {
            return path;
        }
        String base = o.workingDir().toAbsolutePath().toString();
        return base.endsWith("/") ? base + path : base + "/" + path;
    }

    private void copyTo(ContainerInfo c, String srcPath, String dstPath, CopyOptions o,
            InputStream stdin) throws IOException {
        ContainerTools t = tools.get();
        String dst = dstPath;
        Optional<PathStat> stat = t.statPath(c.id(), dst);
        if (stat.isPresent() && stat.get().isSymlink()) {
            dst = CopyRules.linkTarget(dst, stat.get().linkTarget());
            stat = t.statPath(c.id(), dst);
        }
        boolean exists = stat.isPresent();
        boolean isDir = exists && stat.get().isDirectory();
        if (srcPath.equals("-")) {
            if (!isDir) {
                throw new ComposeException("destination \"" + c.name() + ":" + dstPath
                        + "\" must be a directory");
            }
            t.writeArchive(c.id(), dst, stdin, o.copyUidGid());
            return;
        }
        String src = local(srcPath, o);
        Path srcFile = Path.of(src);
        if (!Files.exists(srcFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new ComposeException("lstat " + CopyRules.clean(src)
                    + ": no such file or directory");
        }
        String rebase = null;
        if (o.followLink() && Files.isSymbolicLink(srcFile)) {
            rebase = CopyRules.split(src).base();
            srcFile = srcFile.toRealPath();
        }
        boolean srcIsDir = Files.isDirectory(srcFile);
        if (CopyRules.assertsDirectory(src) && !srcIsDir) {
            throw new ComposeException("lstat " + src + ": not a directory");
        }
        String srcBase = rebase != null ? rebase : CopyRules.split(src).base();
        CopyRules.Unpack unpack = CopyRules.prepare(new CopyRules.Source(srcBase, srcIsDir),
                new CopyRules.Destination(dst, exists, isDir));
        Path tar = Files.createTempFile("jcompose-cp-", ".tar");
        try {
            try (OutputStream out = Files.newOutputStream(tar)) {
                LocalArchives.tar(srcFile, unpack.root(), o.followLink(), out);
            }
            try (InputStream in = Files.newInputStream(tar)) {
                t.writeArchive(c.id(), unpack.dir(), in, o.copyUidGid());
            }
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    private void copyFrom(ContainerInfo c, String srcPath, String dstPath, CopyOptions o,
            OutputStream stdout) throws IOException {
        ContainerTools t = tools.get();
        String src = srcPath;
        String rebase = null;
        if (o.followLink()) {
            Optional<PathStat> stat = t.statPath(c.id(), src);
            if (stat.isPresent() && stat.get().isSymlink()) {
                String target = CopyRules.linkTarget(src, stat.get().linkTarget());
                if (CopyRules.currentDir(src)) {
                    target += "/.";
                } else if (src.endsWith("/")) {
                    target += "/";
                }
                rebase = CopyRules.split(src).base();
                src = target;
            }
        }
        if (dstPath.equals("-")) {
            try (PathArchive a = t.readArchive(c.id(), src)) {
                a.tar().transferTo(stdout);
                stdout.flush();
            }
            return;
        }
        String dst = local(dstPath, o);
        Path parent = Path.of(CopyRules.split(CopyRules.clean(dst)).dir());
        if (!Files.isDirectory(parent)) {
            throw new ComposeException("invalid output path: directory \"" + parent
                    + "\" does not exist");
        }
        Path dstFile = Path.of(dst);
        for (int hops = 0; hops < 10 && Files.isSymbolicLink(dstFile); hops++) {
            dstFile = dstFile.resolveSibling(Files.readSymbolicLink(dstFile)).normalize();
            dst = dstFile.toString();
        }
        boolean exists = Files.exists(dstFile);
        try (PathArchive a = t.readArchive(c.id(), src)) {
            String srcBase = CopyRules.split(src).base();
            String root = rebase != null ? rebase : srcBase;
            CopyRules.Unpack unpack = CopyRules.prepare(
                    new CopyRules.Source(root, a.stat().isDirectory()),
                    new CopyRules.Destination(dst, exists, Files.isDirectory(dstFile)));
            LocalArchives.untar(a.tar(), Path.of(unpack.dir()), srcBase, unpack.root());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
