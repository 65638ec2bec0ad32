package dev.jcompose.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * When we pulled which image, per engine. The engine does not say: an image pulled fresh has no
 * "last tagged" time, and its creation time is when it was built, possibly long ago. Pull
 * policies like {@code daily} need the pull time, so each successful pull is recorded here
 * ({@code $XDG_STATE_HOME/jcompose/pulls.properties}, else
 * {@code ~/.local/state/jcompose/pulls.properties}), with the image id it gave: a record is
 * used only while the reference still names that image. Recording is best effort: a state
 * directory we cannot write only means the next refresh policy pulls again.
 */
final class PullRecords {

    private static final int MAX_RECORDS = 2000;

    private final Path file;

    PullRecords(Path file) {
        this.file = file;
    }

    static PullRecords fromEnvironment(Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        Path dir;
        if (state != null && !state.isEmpty()) {
            dir = Path.of(state);
        } else {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            dir = Path.of(home, ".local", "state");
        }
        return new PullRecords(dir.resolve("jcompose").resolve("pulls.properties"));
    }

    Path file() {
        return file;
    }

    /** Records that {@code reference} on engine {@code host} was pulled as {@code imageId}. */
    synchronized void record(String host, String reference, String imageId, Instant at) {
        try {
            Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                Properties records = load();
                records.setProperty(key(host, reference), imageId + " " + at);
                prune(records);
                Path tmp = Files.createTempFile(file.getParent(), "pulls", ".tmp");
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    records.store(w, "images pulled by jcompose: engine reference = id time");
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: without a record, a refresh policy pulls again
        }
    }

    /** When {@code reference} was last pulled as {@code imageId} on {@code host}, if recorded. */
    synchronized Optional<Instant> pulledAt(String host, String reference, String imageId) {
        String value;
        try {
            value = load().getProperty(key(host, reference));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (value == null) {
            return Optional.empty();
        }
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equals(imageId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.substring(space + 1)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Properties load() throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    /** Keeps the newest records when there are too many. */
    private static void prune(Properties records) {
        if (records.size() <= MAX_RECORDS) {
            return;
        }
        records.stringPropertyNames().stream()
                .sorted(Comparator.comparing(k -> time(records.getProperty(k))))
                .limit(records.size() - MAX_RECORDS)
                .toList()
                .forEach(records::remove);
    }

    private static Instant time(String value) {
        try {
            return Instant.parse(value.substring(value.indexOf(' ') + 1));
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private static String key(String host, String reference) {
        return host + " " + reference;
    }
}
