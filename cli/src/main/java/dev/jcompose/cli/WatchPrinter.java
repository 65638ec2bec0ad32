package dev.jcompose.cli;

import dev.jcompose.api.WatchEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

/** Prints what watch does, a line per action; quiet, only failures (to stderr). */
final class WatchPrinter implements Consumer<WatchEvent> {

    private static final int SHOWN = 5;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;

    WatchPrinter(Console console, boolean quiet) {
        this.out = console.out();
        this.err = console.err();
        this.quiet = quiet;
    }

    @Override
    public synchronized void accept(WatchEvent e) {
        if (e.kind() == WatchEvent.Kind.FAILED) {
            err.println("watch " + e.service() + ": " + e.detail());
            err.flush();
            return;
        }
        if (quiet) {
            return;
        }
        out.println(line(e));
        out.flush();
    }

    /** The line printed for {@code e}. */
    static String line(WatchEvent e) {
        String s = e.service();
        return switch (e.kind()) {
            case WATCHING -> "Watching " + s + ": " + String.join(", ", e.paths());
            case SYNCED -> s + ": synced " + count(e.paths(), "file") + list(e.paths());
            case DELETED -> s + ": deleted " + count(e.paths(), "path") + list(e.paths());
            case REBUILT -> s + ": rebuilt and recreated after changes to" + list(e.paths());
            case RESTARTED -> s + ": restarted after changes to" + list(e.paths());
            case EXECUTED -> s + ": ran " + String.join(" ", e.paths());
            case CAUGHT_UP -> s + ": gave the current files to " + String.join(", ", e.paths());
            case FAILED -> s + ": " + e.detail();
        };
    }

    private static String count(List<String> paths, String noun) {
        return paths.size() + " " + noun + (paths.size() == 1 ? "" : "s");
    }

    private static String list(List<String> paths) {
        String shown = String.join(", ", paths.subList(0, Math.min(SHOWN, paths.size())));
        return " " + shown + (paths.size() > SHOWN ? ", ..." : "");
    }
}
