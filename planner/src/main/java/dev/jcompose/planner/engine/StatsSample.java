package dev.jcompose.planner.engine;

/**
 * One reading of a container's resource usage, computed as the docker CLI computes it from the
 * engine's statistics: CPU as a share of one CPU times the online CPUs, memory without the
 * page cache.
 *
 * @param id          the container's id
 * @param name        its name
 * @param cpuPercent  CPU use in percent
 * @param memoryUsage bytes in use
 * @param memoryLimit the limit in bytes (the host's memory without one)
 * @param memoryPercent usage over limit, in percent
 * @param netRx       bytes received over every network
 * @param netTx       bytes sent
 * @param blockRead   bytes read from block devices
 * @param blockWrite  bytes written to them
 * @param pids        processes and threads
 * @param running     false for a stopped container (its figures are then zero)
 */
public record StatsSample(String id, String name, double cpuPercent, long memoryUsage,
        long memoryLimit, double memoryPercent, long netRx, long netTx, long blockRead,
        long blockWrite, long pids, boolean running) {
}
