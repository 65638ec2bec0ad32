package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.ContainerStats;
import dev.jcompose.api.VolumeInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stats and volumes rows as the docker CLI writes them (golden text from docker 20.10/26). */
class StatsFormatTest {

    @Test
    void sizesAsGoUnitsPrintsThem() {
        assertEquals("0B", Units.decimal(0));
        assertEquals("732B", Units.decimal(732));
        assertEquals("1.18kB", Units.decimal(1180));
        assertEquals("1.04kB", Units.decimal(1036));
        assertEquals("1e+03kB", Units.decimal(999_999));
        assertEquals("308KiB", Units.binary(308 * 1024));
        assertEquals("23.54GiB", Units.binary(25_275_154_432L));
        assertEquals("1024B", Units.binary(1023.9));
        assertEquals("1.5", Units.goG(1.5, 4));
        assertEquals("0.0001221", Units.goG(0.0001220703125, 4));
        assertEquals("1e-05", Units.goG(0.00001, 4));
    }

    @Test
    void writesTheDefaultTableAndJson() {
        ContainerInfo c = new ContainerInfo("46ff13ce76832d462a1b189b9d232f18b8ac6e670581f38eb04",
                "p-web-1", "p", "web", 1, false, "img", "running", null, null, List.of(), 0);
        ContainerStats s = new ContainerStats(c, 0.0, 315_392, 25_275_154_432L, 0.0012, 1180, 0,
                0, 0, 1, true);
        StringWriter out = new StringWriter();
        new Templates(StatsFormat.DEFAULT_TABLE).print(List.of(StatsFormat.fields(s, false)),
                StatsFormat::header, 10, new PrintWriter(out));
        assertEquals("""
                CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O       \
                BLOCK I/O   PIDS
                46ff13ce7683   p-web-1   0.00%     308KiB / 23.54GiB   0.00%     1.18kB / 0B   \
                0B / 0B     1
                """, out.toString());
        assertEquals("{\"BlockIO\":\"0B / 0B\",\"CPUPerc\":\"0.00%\",\"Container\":\"46ff13ce7683\","
                + "\"ID\":\"46ff13ce76832d462a1b189b9d232f18b8ac6e670581f38eb04\","
                + "\"MemPerc\":\"0.00%\",\"MemUsage\":\"308KiB / 23.54GiB\",\"Name\":\"p-web-1\","
                + "\"NetIO\":\"1.18kB / 0B\",\"PIDs\":\"1\"}",
                new Templates("{{json .}}").render(StatsFormat.fields(s, true)));
    }

    @Test
    void writesVolumesAsVolumeLs() {
        VolumeInfo v = new VolumeInfo("p_data", "local", "/var/lib/docker/volumes/p_data/_data",
                "local", Map.of("com.docker.compose.volume", "data",
                        "com.docker.compose.project", "p"));
        StringWriter out = new StringWriter();
        new Templates(VolumesCommand.DEFAULT_TABLE).print(List.of(VolumesCommand.fields(v)),
                f -> f.equals("Name") ? "VOLUME NAME" : f.toUpperCase(), 10,
                new PrintWriter(out));
        assertEquals("DRIVER    VOLUME NAME\nlocal     p_data\n", out.toString());
        assertEquals("com.docker.compose.project=p,com.docker.compose.volume=data",
                VolumesCommand.fields(v).get("Labels"));
    }
}
