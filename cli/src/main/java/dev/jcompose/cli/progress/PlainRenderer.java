package dev.jcompose.cli.progress;

import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.io.PrintWriter;

/**
 * One line per state change, no escape codes: for logs, CI and pipes. Per-layer pull updates
 * are left out; the image's own start and end are shown.
 */
public final class PlainRenderer implements ProgressListener {

    private final PrintWriter err;

    public PlainRenderer(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void on(ProgressEvent e) {
        if (e.parent() != null) {
            return;
        }
        if (e.status() == ProgressEvent.Status.WORKING && e.current() >= 0) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        if (e.status() == ProgressEvent.Status.WARNING && e.resource().isEmpty()) {
            sb.append("WARN ").append(e.detail().isEmpty() ? e.text() : e.detail());
        } else if (e.status() == ProgressEvent.Status.WARNING) {
            sb.append(e.resource()).append(" ").append(e.text());
            if (!e.detail().isEmpty()) {
                sb.append(": ").append(e.detail());
            }
        } else {
            sb.append(e.resource()).append(" ").append(e.text());
            if (e.status() == ProgressEvent.Status.WORKING && !e.detail().isEmpty()) {
                sb.append(": ").append(e.detail());
            }
            if (e.status() == ProgressEvent.Status.ERROR && !e.detail().isEmpty()) {
                sb.append(": ").append(e.detail());
            }
        }
        err.println(sb);
        err.flush();
    }
}
