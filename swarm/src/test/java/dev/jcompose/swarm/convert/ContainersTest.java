package dev.jcompose.swarm.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainersTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # keys                                                  | container spec
            ''                                                      | {"Image":"img","Labels":{"com.docker.stack.namespace":"st"}}
            'command: [a, b]\n    entrypoint: /x'                   | {"Image":"img","Labels":{"com.docker.stack.namespace":"st"},"Command":["/x"],"Args":["a","b"]}
            'environment: {B: "2", A: "1", C: null}'                | {"Image":"img","Labels":{"com.docker.stack.namespace":"st"},"Env":["A=1","B=2","C"]}
            'labels: {tier: web}'                                   | {"Image":"img","Labels":{"tier":"web","com.docker.stack.namespace":"st"}}
            'extra_hosts: [\"db:10.0.0.5\", \"cache=10.0.0.6\"]'   | {"Image":"img","Labels":{"com.docker.stack.namespace":"st"},"Hosts":["10.0.0.5 db","10.0.0.6 cache"]}
            'dns: [1.1.1.1]\n    dns_search: [corp]\n    dns_opt: [ndots:2]' | {"Image":"img","Labels":{"com.docker.stack.namespace":"st"},"DNSConfig":{"Nameservers":["1.1.1.1"],"Search":["corp"],"Options":["ndots:2"]}}
            'user: app\n    working_dir: /srv\n    hostname: h\n    tty: true\n    stdin_open: true\n    read_only: true\n    init: true' | {"Image":"img","Labels":{"com.docker.stack.namespace":"st"},"Dir":"/srv","User":"app","TTY":true,"OpenStdin":true,"ReadOnly":true,"Hostname":"h","Init":true}
            'stop_grace_period: 1m30s\n    stop_signal: SIGINT'      | {"Image":"img","Labels":{"com.docker.stack.namespace":"st"},"StopGracePeriod":90000000000,"StopSignal":"SIGINT"}
            'cap_add: [NET_ADMIN]\n    cap_drop: [ALL]\n    group_add: [audio]' | {"Image":"img","Labels":{"com.docker.stack.namespace":"st"},"Groups":["audio"],"CapabilityAdd":["NET_ADMIN"],"CapabilityDrop":["ALL"]}
            'sysctls: {net.core.somaxconn: 1024}\n    ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 64}' | {"Image":"img","Labels":{"com.docker.stack.namespace":"st"},"Sysctls":{"net.core.somaxconn":"1024"},"Ulimits":[{"Name":"nofile","Soft":1024,"Hard":2048},{"Name":"nproc","Soft":64,"Hard":64}]}
            """)
    void convertsContainerSettings(String keys, String want) {
        Service s = ConverterTables.service(dir, "    " + keys.replace("\\n", "\n") + "\n");
        assertEquals(want, Specs.json(Containers.of(new Namespace("st"), s)));
    }
}
