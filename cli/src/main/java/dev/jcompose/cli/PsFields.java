package dev.jcompose.cli;

import dev.jcompose.api.ContainerInfo;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A container's fields as compose v2's {@code ps} gives them to its formats (its
 * {@code ContainerContext}): the same names, the same text, the same types, in name order as
 * its {@code --format json} writes them. {@code trunc} as without {@code --no-trunc}: the ID cut
 * to 12 digits, the command to 20 characters, mount names to 15.
 */
final class PsFields {

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm:ss Z z", Locale.ROOT);
    private static final String[] SIZE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB",
        "YB"};

    private PsFields() {
    }

    static Map<String, Object> of(ContainerInfo c, boolean trunc, Instant now, ZoneId zone) {
        ContainerInfo.Listing l = c.listing();
        Map<String, Object> m = new TreeMap<>();
        String command = trunc ? ellipsis(l.command(), 20) : l.command();
        m.put("Command", quote(command));
        Instant created = Instant.ofEpochSecond(c.createdEpochSeconds());
        m.put("CreatedAt", CREATED_AT.format(created.atZone(zone)));
        m.put("ExitCode", c.exitCode() == null ? 0 : c.exitCode());
        m.put("Health", "running".equals(c.state()) && c.health() != null ? c.health() : "");
        m.put("ID", trunc && c.id().length() > 12 ? c.id().substring(0, 12) : c.id());
        m.put("Image", c.image());
        m.put("Labels", l.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
        m.put("LocalVolumes", Integer.toString(l.localVolumes()));
        m.put("Mounts", l.mounts().stream().map(n -> trunc ? ellipsis(n, 15) : n)
                .collect(Collectors.joining(",")));
        m.put("Name", c.name());
        List<String> names = l.names().isEmpty() ? List.of(c.name()) : l.names();
        if (trunc) {
            names = names.stream().filter(n -> !n.contains("/")).limit(1).toList();
        }
        m.put("Names", String.join(",", names));
        m.put("Networks", String.join(",", l.networks()));
        List<ContainerInfo.Port> ports = l.ports().isEmpty() ? c.ports() : l.ports();
        m.put("Ports", displayablePorts(ports));
        m.put("Project", c.project());
        m.put("Publishers", publishers(ports));
        m.put("RunningFor", humanDuration(now.getEpochSecond() - c.createdEpochSeconds())
                + " ago");
        m.put("Service", c.service());
        m.put("Size", l.sizeRootFs() > 0 ? humanSize(l.sizeRw()) + " (virtual "
                + humanSize(l.sizeRootFs()) + ")" : humanSize(l.sizeRw()));
        m.put("State", c.state());
        m.put("Status", l.status().isEmpty() ? c.status() : l.status());
        return m;
    }

    /** null without ports (Go's nil slice), as compose v2 writes it. */
    private static List<Object> publishers(List<ContainerInfo.Port> ports) {
        if (ports.isEmpty()) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (ContainerInfo.Port p : ports) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("URL", p.hostIp() == null ? "" : p.hostIp());
            pm.put("TargetPort", p.containerPort());
            pm.put("PublishedPort", p.hostPort());
            pm.put("Protocol", p.protocol());
            out.add(pm);
        }
        return out;
    }

    /**
     * Ports as the docker CLI shows them: unpublished ones of a protocol grouped into ranges
     * ({@code 80-81/tcp}), then {@code 0.0.0.0:32768->8080/tcp} for each published one.
     */
    static String displayablePorts(List<ContainerInfo.Port> unsorted) {
        List<ContainerInfo.Port> ports = new ArrayList<>(unsorted);
        ports.sort(Comparator.comparingInt(ContainerInfo.Port::containerPort)
                .thenComparing(p -> p.hostIp() == null ? "" : p.hostIp())
                .thenComparingInt(ContainerInfo.Port::hostPort)
                .thenComparing(ContainerInfo.Port::protocol));
        Map<String, int[]> groups = new LinkedHashMap<>();
        List<String> result = new ArrayList<>();
        List<String> mappings = new ArrayList<>();
        for (ContainerInfo.Port p : ports) {
            String ip = p.hostIp() == null ? "" : p.hostIp();
            String key = p.protocol();
            if (!ip.isEmpty()) {
                if (p.hostPort() != p.containerPort()) {
                    mappings.add(ip + ":" + p.hostPort() + "->" + p.containerPort() + "/"
                            + p.protocol());
                    continue;
                }
                key = ip + "/" + p.protocol();
            }
            int[] g = groups.get(key);
            if (g == null) {
                groups.put(key, new int[] {p.containerPort(), p.containerPort()});
            } else if (p.containerPort() == g[1] + 1) {
                g[1] = p.containerPort();
            } else {
                result.add(group(key, g));
                groups.put(key, new int[] {p.containerPort(), p.containerPort()});
            }
        }
        groups.forEach((key, g) -> result.add(group(key, g)));
        result.addAll(mappings);
        return String.join(", ", result);
    }

    private static String group(String key, int[] g) {
        int slash = key.lastIndexOf('/');
        String ip = slash < 0 ? "" : key.substring(0, slash);
        String type = key.substring(slash + 1);
        String range = g[0] == g[1] ? Integer.toString(g[0]) : g[0] + "-" + g[1];
        return (ip.isEmpty() ? range : ip + ":" + range + "->" + range) + "/" + type;
    }

    /** As go-units' HumanDuration. */
    static String humanDuration(long seconds) {
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = seconds / 60;
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(seconds / 3600.0);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return seconds / 3600 / 24 / 365 + " years";
    }

    /** As go-units' HumanSizeWithPrecision(size, 3): {@code 0B}, {@code 1.23kB}. */
    static String humanSize(long size) {
        double v = size;
        int unit = 0;
        while (v >= 1000 && unit < SIZE_UNITS.length - 1) {
            v /= 1000;
            unit++;
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros();
        return d.toPlainString() + SIZE_UNITS[unit];
    }

    /** As the docker CLI's Ellipsis: cut to {@code max} characters, the last one "…". */
    static String ellipsis(String s, int max) {
        int count = s.codePointCount(0, s.length());
        if (count <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** As Go's strconv.Quote. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}
