package dev.jcompose.cli.progress;

import dev.jcompose.model.load.ModelPrinter;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per event and line, for tools: {@code {"time", "resource", "status", "text",
 * "detail", "current", "total", "parent"}} (the last three only when known).
 */
public final class JsonRenderer implements ProgressListener {

    private final PrintWriter err;

    public JsonRenderer(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void on(ProgressEvent e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("time", Instant.now().toString());
        o.put("resource", e.resource());
        o.put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
        o.put("text", e.text());
        o.put("detail", e.detail());
        if (e.current() >= 0) {
            o.put("current", e.current());
        }
        if (e.total() >= 0) {
            o.put("total", e.total());
        }
        if (e.parent() != null) {
            o.put("parent", e.parent());
        }
        err.println(ModelPrinter.jsonLine(o));
        err.flush();
    }
}
