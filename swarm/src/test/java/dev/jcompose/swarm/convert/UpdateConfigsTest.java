package dev.jcompose.swarm.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpdateConfigsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # update_config                                   | spec
            '{}'                                              | {"Parallelism":1}
            '{parallelism: 0}'                                | {"Parallelism":0}
            '{parallelism: 2, delay: 10s, order: start-first}' | {"Parallelism":2,"Delay":10000000000,"Order":"start-first"}
            '{failure_action: rollback, monitor: 3s, max_failure_ratio: 0.5}' | {"Parallelism":1,"FailureAction":"rollback","MaxFailureRatio":0.5,"Monitor":3000000000}
            '{failure_action: continue, order: stop-first}'   | {"Parallelism":1,"FailureAction":"continue","Order":"stop-first"}
            """)
    void convertsUpdateAndRollbackConfigs(String section, String want) {
        Service s = ConverterTables.service(dir, "    deploy:\n      update_config: " + section
                + "\n      rollback_config: " + section + "\n");
        assertEquals(want, Specs.json(UpdateConfigs.of(s.deploy().updateConfig())));
        assertEquals(want, Specs.json(UpdateConfigs.of(s.deploy().rollbackConfig())));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                      | null
            'deploy: {replicas: 2}' | null
            """)
    void noSectionKeepsSwarmsDefaults(String keys, String want) {
        Service s = ConverterTables.service(dir, "    " + keys + "\n");
        assertEquals(want, Specs.json(UpdateConfigs.of(s.deploy() == null ? null
                : s.deploy().updateConfig())));
    }
}
