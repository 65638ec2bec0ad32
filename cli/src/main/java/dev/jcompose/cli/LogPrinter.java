package dev.jcompose.cli;

import dev.jcompose.api.LogEntry;
import java.io.PrintWriter;

/** Prints log entries as {@code web-1  | line}. */
final class LogPrinter {

    private final PrintWriter out;
    private final boolean prefix;
    private final boolean timestamps;

    LogPrinter(PrintWriter out, boolean prefix, boolean timestamps) {
        this.out = out;
        this.prefix = prefix;
        this.timestamps = timestamps;
    }

    synchronized void print(LogEntry e) {
        StringBuilder sb = new StringBuilder();
        if (prefix) {
            sb.append(e.prefix()).append("  | ");
        }
        if (timestamps && e.timestamp() != null) {
            sb.append(e.timestamp()).append(' ');
        }
        sb.append(e.text());
        out.println(sb);
        out.flush();
    }
}
