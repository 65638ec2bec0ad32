package dev.jcompose.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.cli.Console;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Golden output of each renderer for a recorded event sequence. */
class RenderersTest {

    private static final List<ProgressEvent> UP = List.of(
            ProgressEvent.working("Network demo_default", "Creating"),
            ProgressEvent.done("Network demo_default", "Created"),
            ProgressEvent.working("Container demo-db-1", "Creating"),
            ProgressEvent.warning("", "Warning", "found orphan containers (demo-old-1)"),
            ProgressEvent.warning("Image app", "Warning", "build option ssh needs BuildKit"),
            ProgressEvent.done("Container demo-db-1", "Created"),
            ProgressEvent.working("Container demo-web-1", "Creating"),
            ProgressEvent.error("Container demo-web-1", "Error", "port 80 is already allocated"));

    @Test
    void plainPrintsOneLinePerStateChange() {
        StringWriter out = new StringWriter();
        ProgressListener r = new PlainRenderer(new PrintWriter(out));
        UP.forEach(r::on);
        assertEquals("""
                Network demo_default Creating
                Network demo_default Created
                Container demo-db-1 Creating
                WARN found orphan containers (demo-old-1)
                Image app Warning: build option ssh needs BuildKit
                Container demo-db-1 Created
                Container demo-web-1 Creating
                Container demo-web-1 Error: port 80 is already allocated
                """, out.toString());
    }

    @Test
    void jsonPrintsOneObjectPerEvent() {
        StringWriter out = new StringWriter();
        ProgressListener r = new JsonRenderer(new PrintWriter(out));
        UP.forEach(r::on);
        List<String> lines = out.toString().lines().toList();
        assertEquals(UP.size(), lines.size());
        assertTrue(lines.get(7).matches("\\{\"time\":\"[^\"]+\",\"resource\":\"Container "
                + "demo-web-1\",\"status\":\"error\",\"text\":\"Error\",\"detail\":\"port 80 is "
                + "already allocated\"}"), lines.get(7));
    }

    @Test
    void ttyShowsEveryResourceWithItsStateAndElapsedTime() {
        AtomicLong now = new AtomicLong(0);
        TtyRenderer r = TtyRenderer.detached(now::get);
        for (ProgressEvent e : UP) {
            now.addAndGet(100_000_000L);
            r.on(e);
        }
        now.addAndGet(500_000_000L);
        assertEquals(List.of(
                "WARN found orphan containers (demo-old-1)",
                "WARN Image app: build option ssh needs BuildKit",
                "[+] Failed 3/3                                    1.3s",
                " ✔ Network demo_default  Created                  0.1s",
                " ✔ Container demo-db-1   Created                  0.3s",
                " ✘ Container demo-web-1  Error: port 80 is alrea… 0.1s"), r.lines(54));
    }

    @Test
    void ttyShowsWorkResourcesWithASpinnerAndTheirRunningTime() {
        AtomicLong now = new AtomicLong(0);
        TtyRenderer r = TtyRenderer.detached(now::get);
        r.on(ProgressEvent.working("Image app", "Building"));
        now.set(2_500_000_000L);
        List<String> lines = r.lines(40);
        assertEquals("[+] Running 0/1                     2.5s", lines.get(0));
        assertTrue(lines.get(1).matches(" . Image app  Building\\s+2\\.5s"), lines.get(1));
    }

    @Test
    void autoIsTtyOnlyOnAnInteractiveTerminalOutsideCi() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        Console notTty = new Console(sink, sink, new ByteArrayInputStream(new byte[0]), Map.of(),
                Path.of("."), false, false);
        assertInstanceOf(PlainRenderer.class, ProgressRenderers.create("auto", notTty, false));
        Console ci = new Console(sink, sink, new ByteArrayInputStream(new byte[0]),
                Map.of("CI", "true"), Path.of("."), true, true);
        assertInstanceOf(PlainRenderer.class, ProgressRenderers.create("auto", ci, false));
        Console dumb = new Console(sink, sink, new ByteArrayInputStream(new byte[0]),
                Map.of("TERM", "dumb"), Path.of("."), true, true);
        assertInstanceOf(PlainRenderer.class, ProgressRenderers.create("auto", dumb, false));
        assertInstanceOf(JsonRenderer.class, ProgressRenderers.create("json", notTty, false));
        assertSame(ProgressListener.NONE, ProgressRenderers.create("quiet", notTty, false));
    }
}
