package dev.jcompose.swarm.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # keys                                                 | spec
            ''                                                     | {"Mode":"vip"}
            'deploy: {endpoint_mode: dnsrr}'                       | {"Mode":"dnsrr"}
            'ports: [\"8080:80\"]'                                 | {"Mode":"vip","Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"ingress"}]}
            'ports: [{target: 80, published: 8080, mode: host}]\n    deploy: {endpoint_mode: dnsrr}' | {"Mode":"dnsrr","Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8080,"PublishMode":"host"}]}
            'ports: [\"53:53/udp\", \"9000:90\", \"80\"]'          | {"Mode":"vip","Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":0,"PublishMode":"ingress"},{"Protocol":"udp","TargetPort":53,"PublishedPort":53,"PublishMode":"ingress"},{"Protocol":"tcp","TargetPort":90,"PublishedPort":9000,"PublishMode":"ingress"}]}
            'ports: [{target: 80, published: \"8000-8002\"}]'      | {"Mode":"vip","Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":8000,"PublishMode":"ingress"}]}
            'ports: [{name: web, target: 80, published: 81}]'      | {"Mode":"vip","Ports":[{"Name":"web","Protocol":"tcp","TargetPort":80,"PublishedPort":81,"PublishMode":"ingress"}]}
            """)
    void convertsEndpoints(String keys, String want) {
        Service s = ConverterTables.service(dir, "    " + keys.replace("\\n", "\n") + "\n");
        assertEquals(want, Specs.json(Endpoints.of(s.deploy() == null ? null
                : s.deploy().endpointMode(), s.ports())));
    }
}
