package dev.jcompose.swarm.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestartPoliciesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # keys                                                        | spec
            ''                                                            | null
            'restart: \"no\"'                                             | {"Condition":"none"}
            'restart: always'                                             | {"Condition":"any"}
            'restart: unless-stopped'                                     | {"Condition":"any"}
            'restart: on-failure'                                         | {"Condition":"on-failure"}
            'restart: on-failure:3'                                       | {"Condition":"on-failure","MaxAttempts":3}
            'deploy: {restart_policy: {condition: none}}'                 | {"Condition":"none"}
            'deploy: {restart_policy: {delay: 5s, window: 2m}}'           | {"Delay":5000000000,"Window":120000000000}
            'deploy: {restart_policy: {condition: on-failure, max_attempts: 2}}' | {"Condition":"on-failure","MaxAttempts":2}
            'restart: always\n    deploy: {restart_policy: {condition: on-failure}}' | {"Condition":"on-failure"}
            """)
    void convertsRestartPolicies(String keys, String want) {
        Service s = ConverterTables.service(dir, "    " + keys.replace("\\n", "\n") + "\n");
        assertEquals(want, Specs.json(RestartPolicies.of(s.restart(),
                s.deploy() == null ? null : s.deploy().restartPolicy())));
    }
}
