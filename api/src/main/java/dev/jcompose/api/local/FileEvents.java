package dev.jcompose.api.local;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Changes under a set of host paths, from the JDK's {@link WatchService}: on Linux that is
 * inotify, which delivers an event within a millisecond of the write and costs nothing while
 * files are idle (a watch per folder, no polling). Folders are watched recursively: a folder
 * created later is watched at once and the files already in it are reported, so nothing written
 * between its creation and its registration is missed. When the kernel's queue overflows, every
 * root is reported (the caller syncs it whole). A watched file is watched through its folder.
 */
final class FileEvents implements AutoCloseable {

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Collection<Path> roots;
    private final Thread thread;

    private FileEvents(Collection<Path> roots, Consumer<Path> sink) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.roots = roots;
        for (Path root : roots) {
            Path dir = Files.isDirectory(root) ? root : root.getParent();
            if (dir != null && Files.isDirectory(dir)) {
                if (dir.equals(root)) {
                    registerTree(dir, p -> { });
                } else {
                    register(dir);
                }
            }
        }
        this.thread = Thread.ofPlatform().name("jcompose-watch-files").daemon()
                .unstarted(() -> run(sink));
    }

    /** Starts watching {@code roots} (folders or files), reporting each changed path. */
    static FileEvents start(Collection<Path> roots, Consumer<Path> sink) {
        try {
            FileEvents events = new FileEvents(roots, sink);
            events.thread.start();
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + roots + ": " + e.getMessage(), e);
        }
    }

    private void run(Consumer<Path> sink) {
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir = folders.get(key);
                for (var event : key.pollEvents()) {
                    if (event.kind() == OVERFLOW) {
                        roots.forEach(sink);
                        continue;
                    }
                    Path changed = dir.resolve((Path) event.context());
                    if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed)) {
                        registerTree(changed, sink);
                    }
                    sink.accept(changed);
                }
                if (!key.reset()) {
                    folders.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void registerTree(Path dir, Consumer<Path> sink) {
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.forEach(p -> {
                if (Files.isDirectory(p)) {
                    register(p);
                }
                if (!p.equals(dir)) {
                    sink.accept(p);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a folder removed while being walked: its deletion is reported
        }
    }

    private void register(Path dir) {
        try {
            folders.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // closing
        }
        thread.interrupt();
    }
}
