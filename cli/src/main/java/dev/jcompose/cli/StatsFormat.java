package dev.jcompose.cli;

import dev.jcompose.api.ContainerStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code stats} rows as the docker CLI's stats formatter writes them: the fields of its
 * templates, their header names, and its default table.
 */
final class StatsFormat {

    static final String DEFAULT_TABLE = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t"
            + "{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

    static final List<String> FIELDS = List.of("Container", "Name", "ID", "CPUPerc",
            "MemUsage", "MemPerc", "NetIO", "BlockIO", "PIDs");

    private static final Map<String, String> HEADERS = Map.of("Container", "CONTAINER",
            "Name", "NAME", "ID", "CONTAINER ID", "CPUPerc", "CPU %",
            "MemUsage", "MEM USAGE / LIMIT", "MemPerc", "MEM %", "NetIO", "NET I/O",
            "BlockIO", "BLOCK I/O", "PIDs", "PIDS");

    private StatsFormat() {
    }

    static String header(String field) {
        return HEADERS.getOrDefault(field, field.toUpperCase(Locale.ROOT));
    }

    /** The template fields of one reading (JSON keys in the docker CLI's order). */
    static Map<String, Object> fields(ContainerStats s, boolean noTrunc) {
        String id = s.container().id();
        String shortId = id.length() > 12 ? id.substring(0, 12) : id;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("BlockIO", Units.decimal(s.blockRead()) + " / " + Units.decimal(s.blockWrite()));
        m.put("CPUPerc", percent(s.cpuPercent()));
        m.put("Container", shortId);
        m.put("ID", noTrunc ? id : shortId);
        m.put("MemPerc", percent(s.memoryPercent()));
        m.put("MemUsage", Units.binary(s.memoryUsage()) + " / "
                + Units.binary(s.memoryLimit()));
        m.put("Name", s.container().name());
        m.put("NetIO", Units.decimal(s.netRx()) + " / " + Units.decimal(s.netTx()));
        m.put("PIDs", String.valueOf(s.pids()));
        return m;
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v);
    }
}
