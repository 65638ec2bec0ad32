package dev.jcompose.swarm.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.model.tree.SourceMarks;
import dev.jcompose.swarm.Projects;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatibilityTest {

    @TempDir
    Path dir;

    private String check(String yaml) {
        Project p = new Projects(dir).load(yaml);
        List<Problem> problems = Compatibility.check(p, SourceMarks.of(p, null));
        return problems.stream().map(pr -> (pr.isError() ? "error " : "warning ") + pr)
                .map(s -> s.replace(dir.toString() + "/", ""))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aStackSwarmCanRunAsWrittenHasNothingToSay() {
        assertEquals("", check("""
                services:
                  web:
                    image: img
                    ports: [{target: 80, published: 8080, mode: host}]
                    deploy: {replicas: 2, endpoint_mode: dnsrr}
                    depends_on: [db]
                  db: {image: db}
                """));
    }

    @Test
    void eachKeySwarmCannotHonourIsOneWarningAtItsPosition() {
        assertEquals("""
                warning compose.yaml:4:5: services.web.build: left out: every node runs the image as named; build it and push it where all nodes can pull it first (jcompose build, jcompose push)
                warning compose.yaml:5:5: services.web.container_name: left out: swarm names the containers of a service's tasks itself
                warning compose.yaml:7:5: services.web.links: left out: swarm has no links: services on a shared network reach each other by service name
                warning compose.yaml:8:5: services.web.devices: left out: swarm cannot give a service's tasks host devices
                warning compose.yaml:9:5: services.web.privileged: left out: swarm cannot run tasks privileged; add the capabilities they need with cap_add
                warning compose.yaml:10:5: services.web.cpu_shares: left out: swarm limits CPU with deploy.resources.limits.cpus only
                warning compose.yaml:11:5: services.web.security_opt: left out: swarm does not pass this setting to the containers of a service's tasks
                warning compose.yaml:12:5: services.web.restart: left out: deploy.restart_policy is used instead
                warning compose.yaml:15:9: services.web.ports[0].host_ip: left out: swarm publishes on every address of a node
                warning compose.yaml:19:9: services.web.networks.back.ipv4_address: left out: swarm assigns task addresses
                warning compose.yaml:22:5: services.helper.network_mode: left out: swarm services join networks only; use networks: (an external "host" network for the host's)
                warning compose.yaml:25:5: networks.back.driver: deployed as an overlay network: a bridge network exists on one node only, swarm services need one that spans the nodes""",
                check("""
                services:
                  web:
                    image: img
                    build: .
                    container_name: the-web
                    depends_on: [helper]
                    links: [helper]
                    devices: [/dev/null]
                    privileged: true
                    cpu_shares: 512
                    security_opt: [no-new-privileges]
                    restart: always
                    deploy: {restart_policy: {condition: on-failure}}
                    ports:
                      - host_ip: 127.0.0.1
                        target: 80
                    networks:
                      back:
                        ipv4_address: 10.0.0.9
                  helper:
                    image: img
                    network_mode: host
                networks:
                  back:
                    driver: bridge
                """));
    }

    @Test
    void whatMakesADeployImpossibleIsAnErrorAtItsPosition() {
        assertEquals("""
                error compose.yaml:2:3: services.web: no image: every node runs a service's tasks from an image it pulls by name; add image: and push the image you build where all nodes can pull it
                error compose.yaml:4:5: services.web.volumes_from: swarm tasks cannot share another service's volumes; mount the same named volume in both
                error compose.yaml:8:7: services.job.deploy.mode: "batch" is not a swarm mode (use replicated, global, replicated-job, global-job)
                error compose.yaml:12:7: services.everywhere.deploy.replicas: replicas can only be used with replicated or replicated-job mode
                error compose.yaml:13:7: services.everywhere.deploy.endpoint_mode: "round-robin" is not an endpoint mode (use dnsrr, vip)
                error compose.yaml:14:24: services.everywhere.deploy.restart_policy.condition: "sometimes" is not a restart condition (use any, none, on-failure)
                error compose.yaml:15:23: services.everywhere.deploy.update_config.failure_action: "retry" is not a failure action (use continue, pause, rollback)
                error compose.yaml:19:13: services.mesh.ports[0]: a port published through the routing mesh (mode: ingress) needs endpoint_mode vip; publish it with mode: host, or drop endpoint_mode: dnsrr
                error compose.yaml:24:7: services.after.depends_on.init: init never completes on a swarm: its tasks are restarted whenever they exit; make it a job (deploy: {mode: replicated-job}) or give it restart: "no\"""",
                check("""
                services:
                  web:
                    build: .
                    volumes_from: [job]
                  job:
                    image: img
                    deploy:
                      mode: batch
                  everywhere:
                    image: img
                    deploy:
                      replicas: 2
                      endpoint_mode: round-robin
                      restart_policy: {condition: sometimes}
                      update_config: {failure_action: retry}
                      mode: global
                  mesh:
                    image: img
                    ports: ["80:80"]
                    deploy: {endpoint_mode: dnsrr}
                  after:
                    image: img
                    depends_on:
                      init: {condition: service_completed_successfully}
                  init: {image: img}
                """));
    }
}
