package dev.jcompose.bench;

import dev.jcompose.model.Project;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.ConfigSource;
import dev.jcompose.model.load.LoadOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole loader (parse, interpolate, validate, canonical form, merge, defaults, paths,
 * environment, binding to records) on a generated file of N services, warm. Services per
 * second = operations per second x N (bench/loader.sh prints both).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoaderBench {

    @Param({"100", "500", "2000"})
    public int services;

    private LoadOptions options;

    @Setup
    public void generate() {
        StringBuilder sb = new StringBuilder("services:\n");
        for (int i = 1; i <= services; i++) {
            sb.append("  svc").append(i).append(":\n")
                    .append("    image: busybox:${TAG:-1.36}\n")
                    .append("    command: [\"sleep\", \"3600\"]\n")
                    .append("    ports: [\"").append(10000 + i).append(":80\"]\n")
                    .append("    volumes: [\"data").append(i).append(":/data\", \"./conf:/conf:ro\"]\n")
                    .append("    environment: [SERVICE_INDEX=").append(i).append(", MODE]\n")
                    .append("    labels: {bench.index: \"").append(i).append("\"}\n")
                    .append("    healthcheck: {test: [CMD, \"true\"], interval: 1m30s}\n");
            if (i % 5 == 0) {
                sb.append("    depends_on: {svc").append(i - 1)
                        .append(": {condition: service_healthy}}\n");
            }
        }
        sb.append("volumes:\n");
        for (int i = 1; i <= services; i++) {
            sb.append("  data").append(i).append(": {}\n");
        }
        Path dir = Path.of("/tmp/jcompose-bench");
        options = LoadOptions.builder().workingDir(dir).projectName("bench")
                .source(new ConfigSource(dir.resolve("compose.yaml"), sb.toString()))
                .processEnv(Map.of("MODE", "bench")).build();
    }

    @Benchmark
    public Project load() {
        return ComposeLoader.load(options);
    }
}
