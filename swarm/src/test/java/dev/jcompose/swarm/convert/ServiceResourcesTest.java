package dev.jcompose.swarm.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceResourcesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # keys                                                              | spec
            ''                                                                  | null
            'deploy: {resources: {limits: {cpus: \"0.5\", memory: 64m}}}'       | {"Limits":{"MemoryBytes":67108864,"NanoCPUs":500000000}}
            'deploy: {resources: {limits: {pids: 100}}}'                        | {"Limits":{"Pids":100}}
            'deploy: {resources: {reservations: {cpus: \"0.25\", memory: 1g}}}' | {"Reservations":{"MemoryBytes":1073741824,"NanoCPUs":250000000}}
            'deploy: {resources: {reservations: {generic_resources: [{discrete_resource_spec: {kind: gpu, value: 2}}]}}}' | {"Reservations":{"GenericResources":[{"DiscreteResourceSpec":{"Kind":"gpu","Value":2}}]}}
            'cpus: 1.5\n    mem_limit: 32m\n    pids_limit: 10\n    mem_reservation: 16m' | {"Limits":{"MemoryBytes":33554432,"NanoCPUs":1500000000,"Pids":10},"Reservations":{"MemoryBytes":16777216}}
            'mem_limit: 32m\n    deploy: {resources: {limits: {memory: 64m}}}'   | {"Limits":{"MemoryBytes":67108864}}
            """)
    void convertsResources(String keys, String want) {
        Service s = ConverterTables.service(dir, "    " + keys.replace("\\n", "\n") + "\n");
        assertEquals(want, Specs.json(ServiceResources.of(s)));
    }
}
