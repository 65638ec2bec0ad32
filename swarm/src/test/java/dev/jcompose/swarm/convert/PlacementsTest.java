package dev.jcompose.swarm.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlacementsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # placement                                                   | spec
            '{}'                                                          | null
            '{constraints: [node.role == worker, node.labels.zone == a]}' | {"Constraints":["node.role == worker","node.labels.zone == a"]}
            '{max_replicas_per_node: 1}'                                  | {"MaxReplicas":1}
            '{preferences: [{spread: node.labels.zone}]}'                 | {"Preferences":[{"Spread":{"SpreadDescriptor":"node.labels.zone"}}]}
            """)
    void convertsPlacements(String placement, String want) {
        Service s = ConverterTables.service(dir, "    deploy:\n      placement: " + placement
                + "\n");
        assertEquals(want, Specs.json(Placements.of(s.deploy().placement())));
    }
}
