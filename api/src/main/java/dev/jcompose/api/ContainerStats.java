package dev.jcompose.api;

/**
 * One reading of a container's resource usage ({@code stats}), as the docker CLI computes it.
 *
 * @param container     the container
 * @param cpuPercent    CPU use in percent (100 per busy CPU)
 * @param memoryUsage   bytes of memory in use, page cache excluded
 * @param memoryLimit   its limit in bytes
 * @param memoryPercent usage over limit in percent
 * @param netRx         bytes received
 * @param netTx         bytes sent
 * @param blockRead     bytes read from block devices
 * @param blockWrite    bytes written to block devices
 * @param pids          processes and threads
 * @param running       false for a stopped container (no figures then)
 */
public record ContainerStats(ContainerInfo container, double cpuPercent, long memoryUsage,
        long memoryLimit, double memoryPercent, long netRx, long netTx, long blockRead,
        long blockWrite, long pids, boolean running) {
}
