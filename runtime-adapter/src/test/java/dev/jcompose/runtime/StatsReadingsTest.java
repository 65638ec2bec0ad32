package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.planner.engine.StatsSample;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The engine's statistics read as the docker CLI reads them (cgroup v1 and v2 answers). */
class StatsReadingsTest {

    @Test
    void computesCpuMemoryAndIoAsTheDockerCli() throws Exception {
        String v2 = """
                {"read":"2026-12-06T07:00:01Z","id":"abc","name":"/p-web-1",
                 "pids_stats":{"current":3},
                 "cpu_stats":{"cpu_usage":{"total_usage":3000000},"system_cpu_usage":200000000,
                              "online_cpus":2},
                 "precpu_stats":{"cpu_usage":{"total_usage":1000000},
                                 "system_cpu_usage":100000000},
                 "memory_stats":{"usage":10485760,"limit":104857600,
                                 "stats":{"inactive_file":2097152}},
                 "networks":{"eth0":{"rx_bytes":1000,"tx_bytes":20},
                             "eth1":{"rx_bytes":500,"tx_bytes":0}},
                 "blkio_stats":{"io_service_bytes_recursive":[
                   {"op":"read","value":4096},{"op":"write","value":8192},
                   {"op":"Read","value":4096}]}}
                """;
        StatsSample s = StatsReadings.sample("abc", JsonTrees.read(
                v2.getBytes(StandardCharsets.UTF_8)));
        assertEquals(new StatsSample("abc", "p-web-1", 4.0, 8388608, 104857600, 8.0, 1500, 20,
                8192, 8192, 3, true), s);
        String v1Stopped = """
                {"read":"0001-01-01T00:00:00Z","id":"def","name":"/p-job-1",
                 "memory_stats":{"usage":0,"stats":{"total_inactive_file":0}},
                 "cpu_stats":{"cpu_usage":{"total_usage":0,"percpu_usage":[0,0,0,0]}}}
                """;
        StatsSample stopped = StatsReadings.sample("def", JsonTrees.read(
                v1Stopped.getBytes(StandardCharsets.UTF_8)));
        assertEquals(new StatsSample("def", "p-job-1", 0, 0, 0, 0, 0, 0, 0, 0, 0, false),
                stopped);
    }

    @Test
    void readsThePathStatHeader() {
        String header = Base64.getEncoder().encodeToString(("{\"name\":\"link\",\"size\":9,"
                + "\"mode\":134218239,\"mtime\":\"2026-12-06T07:00:00Z\","
                + "\"linkTarget\":\"/etc/hostname\"}").getBytes(StandardCharsets.UTF_8));
        var stat = DockerContainerTools.stat(header);
        assertEquals("link", stat.name());
        assertEquals(true, stat.isSymlink());
        assertEquals(false, stat.isDirectory());
        assertEquals("/etc/hostname", stat.linkTarget());
        assertEquals(true, DockerContainerTools.stat(Base64.getEncoder().encodeToString(
                "{\"name\":\"tmp\",\"mode\":2147484159}".getBytes(StandardCharsets.UTF_8)))
                .isDirectory());
    }
}
