package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.model.Project;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.fake.TestProjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose rules a container spec is made with, as a golden table: a service's keys (flow
 * YAML), the part of the spec they decide, and that part as the engine is given it.
 */
class ContainerOptionsTest {

    /** {@code part | service keys | expected}, one rule a row. */
    private static final String TABLE = """
            limits   | mem_limit: 256m, cpus: 0.5, pids_limit: 10, deploy: {resources: {limits: {memory: 64m, cpus: "0.25", pids: 20}}} | memory=268435456 nanoCpus=500000000 pids=10
            limits   | deploy: {resources: {limits: {memory: 64m, cpus: "0.25", pids: 20}}} | memory=67108864 nanoCpus=250000000 pids=20
            limits   | mem_limit: 1g, deploy: {resources: {limits: {cpus: "2"}}} | memory=1073741824 nanoCpus=2000000000 pids=null
            limits   | mem_reservation: 128m | memory=null nanoCpus=null pids=null
            health   | healthcheck: {disable: true, test: [CMD, "true"], interval: 5s} | Health[test=[NONE], interval=null, timeout=null, startPeriod=null, startInterval=null, retries=null]
            health   | healthcheck: {test: [NONE]} | Health[test=[NONE], interval=null, timeout=null, startPeriod=null, startInterval=null, retries=null]
            health   | healthcheck: {interval: 10s} | Health[test=null, interval=PT10S, timeout=null, startPeriod=null, startInterval=null, retries=null]
            health   | healthcheck: {test: "exit 0", retries: 2, start_period: 1m, start_interval: 500ms} | Health[test=[CMD-SHELL, exit 0], interval=null, timeout=null, startPeriod=PT1M, startInterval=PT0.5S, retries=2]
            health   | labels: {a: b} | null
            restart  | restart: "no" | null
            restart  | restart: always | RestartPolicy[name=always, maximumRetryCount=0]
            restart  | restart: on-failure:3 | RestartPolicy[name=on-failure, maximumRetryCount=3]
            restart  | restart: unless-stopped | RestartPolicy[name=unless-stopped, maximumRetryCount=0]
            stop     | stop_grace_period: 1m30s | 90
            stop     | stop_grace_period: 500ms | 0
            caps     | cap_add: [net_admin, CAP_SYS_TIME], cap_drop: [ALL] | add=[NET_ADMIN, SYS_TIME] drop=[ALL]
            hosts    | extra_hosts: ["a=1.2.3.4", "b:5.6.7.8", "c=::1"] | [a:1.2.3.4, b:5.6.7.8, c:::1]
            devices  | devices: ["/dev/null:/dev/xnull:r", "/dev/zero"] | [Device[pathOnHost=/dev/null, pathInContainer=/dev/xnull, cgroupPermissions=r], Device[pathOnHost=/dev/zero, pathInContainer=/dev/zero, cgroupPermissions=rwm]]
            requests | gpus: all | [DeviceRequest[driver=null, count=-1, deviceIds=[], capabilities=[gpu], options={}]]
            requests | deploy: {resources: {reservations: {devices: [{capabilities: [tpu], device_ids: ["0", "3"]}]}}} | [DeviceRequest[driver=null, count=null, deviceIds=[0, 3], capabilities=[tpu], options={}]]
            ulimits  | ulimits: {nproc: 65535, nofile: {soft: 20000, hard: 40000}} | [Ulimit[name=nproc, soft=65535, hard=65535], Ulimit[name=nofile, soft=20000, hard=40000]]
            logging  | logging: {driver: syslog, options: {tag: web}} | Logging[driver=syslog, options={tag=web}]
            logging  | logging: {options: {tag: web}} | null
            """;

    @TempDir
    Path dir;

    @Test
    void everyRuleGivesTheEngineWhatComposeDoes() {
        List<String> wrong = new ArrayList<>();
        for (String row : TABLE.strip().split("\n")) {
            String[] cols = row.split("\\|", 3);
            String part = cols[0].strip();
            String keys = cols[1].strip();
            String expected = cols[2].strip();
            Project p = TestProjects.load(dir, "t", "services: {s: {image: x, " + keys + "}}\n");
            String actual = describe(part, ContainerSpecs.forService(p, p.service("s"), 1, "h"));
            if (!expected.equals(actual)) {
                wrong.add(part + " | " + keys + "\n   want " + expected + "\n   got  " + actual);
            }
        }
        assertEquals("", String.join("\n", wrong));
    }

    private static String describe(String part, ContainerSpec spec) {
        ContainerSpec.Resources r = spec.resources();
        return switch (part) {
            case "limits" -> "memory=" + r.memory() + " nanoCpus=" + r.nanoCpus() + " pids="
                    + r.pidsLimit();
            case "health" -> String.valueOf(spec.healthcheck());
            case "restart" -> String.valueOf(spec.restartPolicy());
            case "stop" -> String.valueOf(spec.stopTimeout());
            case "caps" -> "add=" + spec.security().capAdd() + " drop="
                    + spec.security().capDrop();
            case "hosts" -> spec.host().extraHosts().toString();
            case "devices" -> r.devices().toString();
            case "requests" -> r.deviceRequests().toString();
            case "ulimits" -> r.ulimits().toString();
            case "logging" -> String.valueOf(spec.host().logging());
            default -> throw new IllegalArgumentException(part);
        };
    }

    @Test
    void aOneOffContainerHasNoRestartPolicy() {
        Project p = TestProjects.load(dir, "t", "services: {s: {image: x, restart: always}}\n");
        assertNull(ContainerSpecs.forOneOff(p, p.service("s"), "t-s-run-1", "h").restartPolicy());
    }

    @Test
    void anUnknownRestartPolicyIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ContainerOptions.restartPolicy("sometimes"));
    }
}
