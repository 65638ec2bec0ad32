package dev.jcompose.swarm.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthchecksTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # healthcheck                                         | spec
            ''                                                    | null
            'healthcheck: {disable: true}'                        | {"Test":["NONE"]}
            'healthcheck: {test: [CMD, wget, -q, localhost]}'     | {"Test":["CMD","wget","-q","localhost"]}
            'healthcheck: {test: wget -q localhost, interval: 2s, timeout: 1s, retries: 3, start_period: 5s, start_interval: 1s}' | {"Interval":2000000000,"Timeout":1000000000,"Test":["CMD-SHELL","wget -q localhost"],"Retries":3,"StartPeriod":5000000000,"StartInterval":1000000000}
            'healthcheck: {interval: 30s}'                        | {"Interval":30000000000}
            """)
    void convertsHealthchecks(String keys, String want) {
        Service s = ConverterTables.service(dir, "    " + keys + "\n");
        assertEquals(want, Specs.json(Healthchecks.of(s.healthcheck())));
    }
}
