package dev.jcompose.api.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which process of this machine listens on a TCP or UDP port, read from Linux's {@code /proc}
 * (the sockets of {@code /proc/net}, then the process whose file descriptors hold one of
 * them), as {@code ss -lptn} finds it. Empty when not on Linux, when the port is not found, or
 * when the process is another user's and this one may not look at its descriptors.
 */
final class ListeningProcess {

    private static final String LISTEN = "0A";
    private static final String UNCONNECTED = "07";

    private ListeningProcess() {
    }

    /** {@code python3 (pid 1234)}, the process listening on {@code port}, if it can be told. */
    static Optional<String> on(int port, String protocol) {
        return on(Path.of("/proc"), port, protocol);
    }

    static Optional<String> on(Path proc, int port, String protocol) {
        boolean udp = "udp".equalsIgnoreCase(protocol);
        Set<String> inodes = new HashSet<>();
        for (String table : udp ? List.of("udp", "udp6") : List.of("tcp", "tcp6")) {
            inodes.addAll(listening(proc.resolve("net").resolve(table), port,
                    udp ? UNCONNECTED : LISTEN));
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path pid : pids) {
                if (holdsAny(pid.resolve("fd"), inodes)) {
                    String name = Files.readString(pid.resolve("comm")).strip();
                    return Optional.of(name + " (pid " + pid.getFileName() + ")");
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The socket inodes of a {@code /proc/net} table bound to {@code port} in {@code state}. */
    static Set<String> listening(Path table, int port, String state) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException | RuntimeException e) {
            return inodes;
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.strip().split("\\s+");
            if (f.length > 9 && f[1].endsWith(":" + hexPort) && f[3].equals(state)) {
                inodes.add(f[9]);
            }
        }
        return inodes;
    }

    private static boolean holdsAny(Path fds, Set<String> inodes) {
        try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
            for (Path fd : links) {
                String target = Files.readSymbolicLink(fd).toString();
                if (target.startsWith("socket:[") && inodes.contains(
                        target.substring("socket:[".length(), target.length() - 1))) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone meanwhile, or another user's
        }
        return false;
    }
}
