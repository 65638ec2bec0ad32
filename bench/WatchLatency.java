import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures file-write-to-visible-in-container latency for a running watch. Writes a new token
 * to SRC/f.txt, then polls SEEN (a host file the container appends every new content of its
 * /app/f.txt to, checking every 2 ms) until the token appears; N times, with a pause between
 * writes so each is its own batch. Prints the samples' median and p95 in milliseconds.
 *
 * Usage: java WatchLatency.java SRC SEEN N LABEL
 */
public class WatchLatency {

    public static void main(String[] args) throws Exception {
        Path src = Path.of(args[0]).resolve("f.txt");
        Path seen = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        String label = args[3];
        List<Double> ms = new ArrayList<>();
        int lost = 0;
        for (int i = 0; i < n; i++) {
            String token = label + "-" + System.nanoTime();
            long t0 = System.nanoTime();
            Files.writeString(src, token + "\n");
            boolean found = false;
            while (System.nanoTime() - t0 < 10_000_000_000L) {
                if (Files.readString(seen).contains(token)) {
                    found = true;
                    break;
                }
                Thread.sleep(1);
            }
            if (found) {
                ms.add((System.nanoTime() - t0) / 1e6);
            } else {
                lost++;
            }
            Thread.sleep(150 + (long) (Math.random() * 100));
        }
        Collections.sort(ms);
        double median = ms.isEmpty() ? Double.NaN : ms.get((ms.size() - 1) / 2);
        double p95 = ms.isEmpty() ? Double.NaN : ms.get((int) Math.ceil(ms.size() * 0.95) - 1);
        System.out.printf("%s %d %.0f %.0f %.0f %.0f %d%n", label, ms.size(), median, p95,
                ms.isEmpty() ? Double.NaN : ms.get(0),
                ms.isEmpty() ? Double.NaN : ms.get(ms.size() - 1), lost);
    }
}
