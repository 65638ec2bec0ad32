package dev.jcompose.swarm.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # keys                                            | spec                                                  | job
            ''                                                | {"Replicated":{"Replicas":1}}                          | false
            'deploy: {replicas: 3}'                           | {"Replicated":{"Replicas":3}}                          | false
            'scale: 2'                                        | {"Replicated":{"Replicas":2}}                          | false
            'deploy: {replicas: 0}'                           | {"Replicated":{"Replicas":0}}                          | false
            'deploy: {mode: global}'                          | {"Global":{}}                                          | false
            'deploy: {mode: replicated-job, replicas: 4}'     | {"ReplicatedJob":{"MaxConcurrent":4,"TotalCompletions":4}} | true
            'deploy: {mode: replicated-job}'                  | {"ReplicatedJob":{"MaxConcurrent":1,"TotalCompletions":1}} | true
            'deploy: {mode: global-job}'                      | {"GlobalJob":{}}                                       | true
            """)
    void convertsModes(String keys, String want, boolean job) {
        Service s = ConverterTables.service(dir, "    " + keys + "\n");
        assertEquals(want, Specs.json(Modes.of(s)));
        assertEquals(job, Modes.isJob(s));
    }
}
