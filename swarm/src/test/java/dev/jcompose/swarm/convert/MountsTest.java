package dev.jcompose.swarm.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Project;
import dev.jcompose.swarm.Projects;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MountsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # volumes of web                                       | mounts
            'data:/data'                                           | [{"Type":"volume","Source":"st_data","Target":"/data","VolumeOptions":{"Labels":{"com.docker.stack.namespace":"st"}}}]
            'data:/data:ro'                                        | [{"Type":"volume","Source":"st_data","Target":"/data","ReadOnly":true,"VolumeOptions":{"Labels":{"com.docker.stack.namespace":"st"}}}]
            'local:/l'                                             | [{"Type":"volume","Source":"st_local","Target":"/l","VolumeOptions":{"Labels":{"com.docker.stack.namespace":"st"},"DriverConfig":{"Name":"local","Options":{"type":"tmpfs","device":"tmpfs"}}}}]
            'outside:/o'                                           | [{"Type":"volume","Source":"pre-made","Target":"/o"}]
            '/anon'                                                | [{"Type":"volume","Target":"/anon"}]
            '{type: volume, source: data, target: /d, volume: {nocopy: true}}' | [{"Type":"volume","Source":"st_data","Target":"/d","VolumeOptions":{"NoCopy":true,"Labels":{"com.docker.stack.namespace":"st"}}}]
            '/srv:/srv'                                            | [{"Type":"bind","Source":"/srv","Target":"/srv"}]
            '{type: bind, source: /srv, target: /s, bind: {propagation: rshared}}' | [{"Type":"bind","Source":"/srv","Target":"/s","BindOptions":{"Propagation":"rshared"}}]
            '{type: tmpfs, target: /t, tmpfs: {size: 1m}}'         | [{"Type":"tmpfs","Target":"/t","TmpfsOptions":{"SizeBytes":1048576}}]
            """)
    void convertsVolumes(String volume, String want) {
        Project p = new Projects(dir).load("""
                services:
                  web:
                    image: img
                    volumes: [%s]
                volumes:
                  data: {}
                  local: {driver: local, driver_opts: {type: tmpfs, device: tmpfs}}
                  outside: {external: true, name: pre-made}
                """.formatted(volume));
        assertEquals(want, Specs.json(Mounts.of(new Namespace("st"), p.service("web"),
                p.volumes())));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            '/run'            | [{"Type":"tmpfs","Target":"/run"}]
            '[/run, /tmp]'    | [{"Type":"tmpfs","Target":"/run"},{"Type":"tmpfs","Target":"/tmp"}]
            """)
    void convertsTmpfs(String tmpfs, String want) {
        Project p = new Projects(dir).load("services: {web: {image: img, tmpfs: " + tmpfs
                + "}}\n");
        assertEquals(want, Specs.json(Mounts.of(new Namespace("st"), p.service("web"),
                p.volumes())));
    }
}
