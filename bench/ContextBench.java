import dev.jcompose.planner.engine.BuildSpec;
import dev.jcompose.runtime.BuildContext;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Times jcompose's build-context writer alone: walks the directory, applies its .dockerignore
 * and writes the tar to a byte counter. Run with the jcompose jar on the class path:
 * java -cp cli/target/jcompose.jar bench/ContextBench.java DIR RUNS
 */
public class ContextBench {

    static final class Counter extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        BuildSpec spec = new BuildSpec(dir, "Dockerfile", null, Map.of(), null, List.of("bench"),
                Map.of(), false, false, null, List.of(), null, null, List.of());
        double[] ms = new double[runs];
        BuildContext.Stats stats = null;
        long tarBytes = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Counter out = new Counter();
            stats = BuildContext.of(spec).writeTo(out);
            ms[i] = (System.nanoTime() - start) / 1e6;
            tarBytes = out.bytes;
        }
        double first = ms[0];
        double[] warm = Arrays.copyOfRange(ms, Math.min(runs - 1, 3), runs);
        Arrays.sort(warm);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("files sent %d, directories %d, content %.1f MB, tar %.1f MB%n",
                stats.files(), stats.directories(), stats.contentBytes() / 1e6, tarBytes / 1e6);
        System.out.printf("first run %.0f ms, warm median %.0f ms (min %.0f, max %.0f, %d runs)%n",
                first, warm[warm.length / 2], warm[0], warm[warm.length - 1], warm.length);
        System.out.printf("heap in use after the runs: %.1f MB (max heap %.0f MB)%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
    }
}
