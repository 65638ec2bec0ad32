package dev.jcompose.model.load;

import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.YamlReader;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A compose file read and parsed on a background thread while the command line is still being
 * parsed, for the one loader that reads the same file with the same text next: parsing a
 * 30-service file is ~15 ms of a 190 ms {@code config}, and the second core is idle then. Taken
 * at most once; the YAML is parsed from the exact text the loader read, so what the loader gets
 * is what it would have parsed itself (errors included: a failed parse is parsed again, and
 * reported, by the loader).
 */
final class ParseAhead {

    /** A file's name as errors show it, its text, and its documents. */
    record Parsed(String name, String text, List<Node> documents) { }

    private static final AtomicReference<FutureTask<Parsed>> AHEAD = new AtomicReference<>();

    private ParseAhead() {
    }

    /**
     * Runs {@code read} (which finds and reads the file, and parses it) on a daemon thread, in
     * place of any parse ahead not taken.
     */
    static void start(Callable<Parsed> read) {
        FutureTask<Parsed> task = new FutureTask<>(read);
        AHEAD.set(task);
        Thread.ofPlatform().daemon().name("jcompose-parse-ahead").start(task);
    }

    /** The documents of {@code text}: from the parse ahead when it parsed exactly that. */
    static List<Node> readAll(String name, String text) {
        FutureTask<Parsed> ahead = AHEAD.getAndSet(null);
        if (ahead != null) {
            try {
                Parsed parsed = ahead.get();
                if (parsed.name().equals(name) && parsed.text().equals(text)) {
                    return parsed.documents();
                }
            } catch (ExecutionException e) {
                // not found, unreadable or not YAML: the loader says so itself, below or before
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return YamlReader.readAll(name, text);
    }
}
