import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The latency of the JDK's WatchService (inotify on Linux) alone: the time from a file write to
 * its event, over N writes. Prints the median, p95 and max in microseconds.
 *
 * Usage: java FileEventLatency.java [N]
 */
public class FileEventLatency {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("file-event-latency");
        List<Long> micros = new ArrayList<>();
        try (WatchService ws = FileSystems.getDefault().newWatchService()) {
            dir.register(ws, ENTRY_CREATE, ENTRY_MODIFY);
            System.out.println("watch service: " + ws.getClass().getName());
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                Files.writeString(dir.resolve("f.txt"), "v" + i);
                var key = ws.poll(5, TimeUnit.SECONDS);
                long t1 = System.nanoTime();
                if (key == null) {
                    throw new IllegalStateException("no event in 5 s");
                }
                key.pollEvents();
                key.reset();
                micros.add((t1 - t0) / 1000);
                Thread.sleep(5);
                // drain events of the write's other syscalls
                for (var k = ws.poll(); k != null; k = ws.poll()) {
                    k.pollEvents();
                    k.reset();
                }
            }
        } finally {
            Files.deleteIfExists(dir.resolve("f.txt"));
            Files.delete(dir);
        }
        Collections.sort(micros);
        System.out.printf("%d writes: median %d us, p95 %d us, max %d us%n", n,
                micros.get((n - 1) / 2), micros.get((int) Math.ceil(n * 0.95) - 1),
                micros.get(n - 1));
    }
}
