package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.planner.engine.StatsSample;

/**
 * The engine's statistics of a container ({@code /containers/ID/stats}) as the docker CLI reads
 * them on Linux: CPU from the change since the previous reading, memory without the inactive
 * page cache (cgroup v1 {@code total_inactive_file}, v2 {@code inactive_file}), network and block
 * I/O summed over every interface and device.
 */
final class StatsReadings {

    private StatsReadings() {
    }

    static StatsSample sample(String id, JsonNode n) {
        JsonNode cpu = n.path("cpu_stats");
        JsonNode pre = n.path("precpu_stats");
        double cpuDelta = cpu.path("cpu_usage").path("total_usage").asDouble()
                - pre.path("cpu_usage").path("total_usage").asDouble();
        double systemDelta = cpu.path("system_cpu_usage").asDouble()
                - pre.path("system_cpu_usage").asDouble();
        long online = cpu.path("online_cpus").asLong();
        if (online == 0) {
            online = cpu.path("cpu_usage").path("percpu_usage").size();
        }
        double cpuPercent = systemDelta > 0 && cpuDelta > 0
                ? cpuDelta / systemDelta * online * 100.0 : 0.0;
        JsonNode mem = n.path("memory_stats");
        long usage = mem.path("usage").asLong();
        JsonNode ms = mem.path("stats");
        long cache = ms.has("total_inactive_file") ? ms.path("total_inactive_file").asLong()
                : ms.path("inactive_file").asLong();
        if (cache < usage) {
            usage -= cache;
        }
        long limit = mem.path("limit").asLong();
        double memPercent = limit == 0 ? 0.0 : (double) usage / limit * 100.0;
        long rx = 0;
        long tx = 0;
        for (JsonNode net : n.path("networks")) {
            rx += net.path("rx_bytes").asLong();
            tx += net.path("tx_bytes").asLong();
        }
        long read = 0;
        long write = 0;
        for (JsonNode io : n.path("blkio_stats").path("io_service_bytes_recursive")) {
            String op = io.path("op").asText("");
            if (op.equalsIgnoreCase("read")) {
                read += io.path("value").asLong();
            } else if (op.equalsIgnoreCase("write")) {
                write += io.path("value").asLong();
            }
        }
        String name = n.path("name").asText("").replaceFirst("^/", "");
        String full = n.path("id").asText(id);
        boolean running = !n.path("read").asText("").startsWith("0001-01-01");
        return new StatsSample(full, name, cpuPercent, usage, limit, memPercent, rx, tx, read,
                write, n.path("pids_stats").path("current").asLong(), running);
    }
}
