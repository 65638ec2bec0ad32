package dev.jcompose.swarm.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.runtime.DockerApi;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecDiffTest {

    @ParameterizedTest(name = "[{index}] {0} vs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # desired                                          | held by the swarm                                  | changes
            {"Name":"a"}                                       | {"Name":"a"}                                       | ''
            {"Name":"a","Labels":null,"Env":[]}                | {"Name":"a"}                                       | ''
            {"TaskTemplate":{"ForceUpdate":0,"Runtime":null}}  | {"TaskTemplate":{"ForceUpdate":0,"Runtime":"container"}} | ''
            {"C":{"Image":"i","ReadOnly":false}}               | {"C":{"Image":"i","Isolation":"default","Privileges":{"CredentialSpec":null}}} | ''
            {"UpdateConfig":{"MaxFailureRatio":0.2}}           | {"UpdateConfig":{"MaxFailureRatio":0.2000}}        | ''
            {"UpdateConfig":{"Parallelism":1}}                 | {"UpdateConfig":{"Parallelism":1,"FailureAction":"pause","Order":"stop-first"}} | ''
            {"UpdateConfig":{"FailureAction":"rollback"}}      | {"UpdateConfig":{"FailureAction":"pause"}}         | UpdateConfig.FailureAction
            {"Mode":{"Replicated":{"Replicas":3}}}             | {"Mode":{"Replicated":{"Replicas":2}}}             | Mode.Replicated.Replicas
            {"C":{"Image":"i:2","Env":["A=1"]}}                | {"C":{"Image":"i:1","Env":["A=1","B=2"]}}          | C.Env,C.Image
            {"C":{"ReadOnly":false}}                           | {"C":{"ReadOnly":true}}                            | C.ReadOnly
            {"Labels":{"a":"1"}}                               | {"Labels":{"a":"1","b":"2"}}                       | Labels.b
            {"Networks":[{"Target":"x"}]}                      | {"Networks":[{"Target":"x","Aliases":["web"]}]}    | Networks
            """)
    void comparesSpecsAsTheEngineKeepsThem(String desired, String existing, String changes) throws Exception {
        JsonNode a = DockerApi.json().readTree(desired);
        JsonNode b = DockerApi.json().readTree(existing);
        assertEquals(changes.isEmpty() ? List.of() : List.of(changes.split(",")),
                SpecDiff.changes(a, b));
    }
}
