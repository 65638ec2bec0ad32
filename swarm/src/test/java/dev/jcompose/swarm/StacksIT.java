package dev.jcompose.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.planner.progress.ProgressEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Stacks deployed to the real 3-node swarm of {@code scripts/swarm.sh}: placement over the
 * nodes, reaching services by name over an overlay, host-mode ports, rolling updates without a
 * failed request, draining, rollback, jobs, crashes, secrets by content, no-op redeploys and
 * removal. The kernel here has no IPVS, so services use {@code endpoint_mode: dnsrr} and ports
 * {@code mode: host}. The tests run side by side (each its own stack and ports), but for the
 * one that drains a node.
 */
class StacksIT {

    /** Held shared by the tests, alone by the one that takes a node away. */
    private static final String NODES = "swarm-nodes";

    private static TestSwarm swarm;
    private static Stacks stacks;

    @TempDir
    Path dir;

    private final List<Object> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void swarm() {
        swarm = TestSwarm.require();
        stacks = Stacks.on(swarm.manager().api());
    }

    @AfterAll
    static void letOthersUseTheSwarm() {
        swarm.close();
    }

    /** Web tasks on every node behind host-mode ports, and a client on n1 that calls them. */
    private static final String WEB = """
            services:
              web:
                image: ${IMAGE:-jcompose/base:latest}
                command:
                  - sh
                  - -c
                  - >-
                    trap 'sleep 4; kill $$pid; exit 0' TERM;
                    mkdir -p /www; hostname > /www/index.html; echo "$$GREETING" >> /www/index.html;
                    httpd -f -p 8080 -h /www & pid=$$!; wait $$pid
                environment: {GREETING: "${GREETING:-hello}"}
                healthcheck: {test: [CMD, wget, -qO-, "http://127.0.0.1:8080/"], interval: 1s, retries: 5}
                ports: [{target: 8080, published: 18080, mode: host}]
                networks: [back]
                deploy:
                  replicas: 3
                  endpoint_mode: dnsrr
                  placement: {max_replicas_per_node: 1}
                  update_config: {parallelism: 1, delay: 0s, monitor: 1s, order: stop-first}
              client:
                image: jcompose/base:latest
                depends_on: {web: {condition: service_healthy}}
                command:
                  - sh
                  - -c
                  - >-
                    mkdir -p /www; touch /www/seen; httpd -p 8080 -h /www;
                    while true; do
                    if timeout 2 wget -qO /tmp/r http://web:8080/; then head -n 1 /tmp/r >> /www/seen;
                    else echo FAIL >> /www/seen; fi; sleep 0.1; done
                stop_grace_period: 1s
                ports: [{target: 8080, published: 18081, mode: host}]
                networks: [back]
                deploy:
                  endpoint_mode: dnsrr
                  placement: {constraints: [node.hostname == n1]}
            networks:
              back: {driver: overlay}
            """;

    @Test
    @ResourceLock(value = NODES, mode = ResourceAccessMode.READ)
    void aStackSpreadsOverTheNodesRollsWithoutAFailedRequestAndIsRemovedWhole() throws Exception {
        Projects files = new Projects(dir);
        files.write(".env", "GREETING=hello from .env\n");
        Project project = files.load("web", WEB, Map.of());
        try {
            deploy(project, DeployOptions.defaults().withWait(true));

            Map<String, String> webByNode = runningTasksByNode("web_web");
            assertEquals(Set.of("n1", "n2", "n3"), webByNode.keySet(),
                    "3 replicas, one on each node");
            for (TestSwarm.Node n : swarm.nodes()) {
                String page = swarm.fetch("http://" + n.address() + ":18080/");
                assertEquals(webByNode.get(n.name()) + "\nhello from .env\n", page,
                        "the host-mode port of " + n.name() + " answers from its own task");
            }
            String client = "http://" + swarm.node("n1").address() + ":18081/seen";
            TestSwarm.await("the client on n1 reaches web tasks on the other nodes by name",
                    Duration.ofSeconds(30), () -> {
                        Set<String> seen = new HashSet<>(lines(swarm.fetch(client)));
                        return seen.contains(webByNode.get("n2"))
                                && seen.contains(webByNode.get("n3"));
                    });
            assertCreatedAfterRunning("web_client", "web_web");

            int before = lines(swarm.fetch(client)).size();
            AtomicInteger fewestRunning = new AtomicInteger(3);
            AtomicBoolean updating = new AtomicBoolean(true);
            Thread sampler = Thread.ofVirtual().start(() -> {
                while (updating.get()) {
                    fewestRunning.accumulateAndGet(runningTasksByNode("web_web").size(),
                            Math::min);
                    sleep(100);
                }
            });
            Project changed = files.load("web", WEB, Map.of("GREETING", "changed",
                    "IMAGE", "jcompose/swarm-test:2"));
            deploy(changed, DeployOptions.defaults().withWait(true));
            updating.set(false);
            sampler.join();
            assertEquals(2, fewestRunning.get(), "one task replaced at a time, 2 serving");
            for (TestSwarm.Node n : swarm.nodes()) {
                assertTrue(swarm.fetch("http://" + n.address() + ":18080/").endsWith(
                        "\nchanged\n"), "the new environment is served on " + n.name());
            }
            List<String> during = lines(swarm.fetch(client));
            during = during.subList(before, during.size());
            assertFalse(during.contains("FAIL"), "no request failed during the update: "
                    + during);
            assertTrue(during.size() > 20, "the client kept calling: " + during.size());
            assertEquals(Set.of("jcompose/swarm-test:2"), images("web_web"));

            Map<String, Long> versions = versions("web");
            Set<String> tasks = new HashSet<>(runningTasksByNode("web_web").values());
            log.clear();
            deploy(changed, DeployOptions.defaults().withWait(true));
            assertEquals(versions, versions("web"), () -> "a redeploy without change updates "
                    + "nothing: " + log);
            assertEquals(tasks, new HashSet<>(runningTasksByNode("web_web").values()),
                    "and restarts no task");
            assertTrue(log.stream().anyMatch(e -> e instanceof ProgressEvent p
                    && p.resource().equals("Service web_web") && p.text().equals("Unchanged")),
                    log::toString);
        } finally {
            assertTrue(remove("web"));
        }
        assertNothingLeft("web");
    }

    @Test
    @ResourceLock(value = NODES, mode = ResourceAccessMode.READ_WRITE)
    void drainingANodeMovesItsTasksToTheOthers() throws Exception {
        Project project = new Projects(dir).load("drain", """
                services:
                  worker:
                    image: jcompose/base:latest
                    command: [sleep, "3600"]
                    stop_grace_period: 1s
                    deploy: {replicas: 3, endpoint_mode: dnsrr}
                """, Map.of());
        try {
            deploy(project, DeployOptions.defaults().withWait(true));
            assertTrue(runningTasks("drain_worker").contains("n3"), "a task runs on n3 first");
            setAvailability("n3", "drain");
            TestSwarm.await("n3's task moves to n1 and n2", Duration.ofSeconds(40), () -> {
                List<String> nodes = runningTasks("drain_worker");
                return nodes.size() == 3 && !nodes.contains("n3");
            });
        } finally {
            setAvailability("n3", "active");
            remove("drain");
        }
        assertNothingLeft("drain");
    }

    @Test
    @ResourceLock(value = NODES, mode = ResourceAccessMode.READ)
    void aFailingUpdateIsRolledBackAndTheDeploySaysSo() throws Exception {
        String yaml = """
                services:
                  app:
                    image: jcompose/base:latest
                    command: [sh, -c, "${COMMAND:-sleep 3600}"]
                    stop_grace_period: 1s
                    deploy:
                      replicas: 2
                      endpoint_mode: dnsrr
                      update_config: {parallelism: 1, failure_action: rollback, monitor: 5s}
                      rollback_config: {parallelism: 0}
                """;
        Projects files = new Projects(dir);
        try {
            deploy(files.load("rollback", yaml, Map.of()), DeployOptions.defaults().withWait(true));
            StackException e = assertThrows(StackException.class, () -> deploy(
                    files.load("rollback", yaml, Map.of("COMMAND", "exit 1")),
                    DeployOptions.defaults().withWait(true)));
            // the reason is the failed task's when the deploy still sees it, else the swarm's
            // own update status (the manager may have replaced the task by then)
            assertTrue(e.getMessage().matches("service rollback_app: Rolled back: the update "
                    + "failed and was rolled back: (task rollback_app\\.\\d failed: "
                    + "non-zero exit \\(1\\)|rollback completed)"), e.getMessage());
            JsonNode app = service("rollback_app");
            assertEquals("sleep 3600", app.path("Spec").path("TaskTemplate")
                    .path("ContainerSpec").path("Args").get(2).asText(), "the old spec is back");
            TestSwarm.await("the old tasks run", Duration.ofSeconds(30),
                    () -> runningTasks("rollback_app").size() == 2);
        } finally {
            remove("rollback");
        }
    }

    @Test
    @ResourceLock(value = NODES, mode = ResourceAccessMode.READ)
    void waitReturnsWhenJobsCompletedAndFailsNamingACrashingService() throws Exception {
        Projects files = new Projects(dir);
        try {
            deploy(files.load("jobs", """
                    services:
                      migrate:
                        image: jcompose/base:latest
                        command: [sh, -c, "sleep 1; exit 0"]
                        deploy: {mode: replicated-job, replicas: 2, endpoint_mode: dnsrr}
                      everywhere:
                        image: jcompose/base:latest
                        command: ["true"]
                        deploy: {mode: global-job, endpoint_mode: dnsrr}
                      app:
                        image: jcompose/base:latest
                        command: [sleep, "3600"]
                        stop_grace_period: 1s
                        depends_on: {migrate: {condition: service_completed_successfully}}
                        deploy: {endpoint_mode: dnsrr}
                    """, Map.of()), DeployOptions.defaults().withWait(true)
                    .withWaitTimeout(Duration.ofSeconds(60)));
            assertTrue(log.contains("Service jobs_migrate DONE Completed 2/2"), log.toString());
            assertTrue(log.contains("Service jobs_everywhere DONE Completed 3/3"), log.toString());
            assertCreatedAfterRunning("jobs_app", "jobs_migrate");

            StackException e = assertThrows(StackException.class, () -> deploy(files.load(
                    "crash", """
                    services:
                      steady:
                        image: jcompose/base:latest
                        command: [sleep, "3600"]
                        stop_grace_period: 1s
                        deploy: {endpoint_mode: dnsrr}
                      crash:
                        image: jcompose/base:latest
                        command: [sh, -c, "exit 3"]
                        deploy: {endpoint_mode: dnsrr, restart_policy: {delay: 1s}}
                    """, Map.of()), DeployOptions.defaults().withWait(true)
                    .withWaitTimeout(Duration.ofSeconds(60))));
            assertTrue(e.getMessage().startsWith("service crash_crash: Crashing: failed: "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("non-zero exit (3)"), e.getMessage());
            assertFalse(e.getMessage().contains("crash_steady"), e.getMessage());
        } finally {
            remove("jobs");
            remove("crash");
        }
    }

    @Test
    @ResourceLock(value = NODES, mode = ResourceAccessMode.READ)
    void aChangedSecretIsANewVersionTheServiceRollsTo() throws Exception {
        String yaml = """
                services:
                  web:
                    image: jcompose/base:latest
                    command: [sh, -c, "mkdir -p /www; cp /run/secrets/token /www/index.html; exec httpd -f -p 8080 -h /www"]
                    secrets: [token]
                    stop_grace_period: 1s
                    ports: [{target: 8080, published: 18082, mode: host}]
                    deploy: {endpoint_mode: dnsrr, placement: {constraints: [node.hostname == n2]}}
                secrets:
                  token: {file: token.txt}
                """;
        Projects files = new Projects(dir);
        String url = "http://" + swarm.node("n2").address() + ":18082/";
        try {
            List<String> names = new ArrayList<>();
            for (String content : List.of("one", "two", "three")) {
                files.write("token.txt", content);
                deploy(files.load("secret", yaml, Map.of()), DeployOptions.defaults()
                        .withWait(true));
                TestSwarm.await("the service serves " + content, Duration.ofSeconds(30),
                        () -> content.equals(swarm.fetch(url)));
                names.add(secretNames("secret").stream().sorted().toList().toString());
            }
            Set<String> left = secretNames("secret");
            assertEquals(2, left.size(), "the current version and the one a rollback would "
                    + "use; the first is gone: " + names + " -> " + left);
        } finally {
            remove("secret");
        }
        assertNothingLeft("secret");
    }

    @Test
    @ResourceLock(value = NODES, mode = ResourceAccessMode.READ)
    void warningsComeFirstAndARefusedDeployCreatesNothing() throws Exception {
        Projects files = new Projects(dir);
        ComposeFileException refused = assertThrows(ComposeFileException.class, () -> deploy(
                files.load("refused", """
                        services:
                          ok: {image: jcompose/base:latest, networks: [back]}
                          built: {build: .}
                        networks: {back: {}}
                        """, Map.of()), DeployOptions.defaults()));
        assertTrue(refused.getMessage().contains("compose.yaml:3:3: services.built: no image"),
                refused.getMessage());
        assertNothingLeft("refused");

        try {
            deploy(files.load("warned", """
                    services:
                      web:
                        image: jcompose/base:latest
                        command: [sleep, "3600"]
                        stop_grace_period: 1s
                        container_name: fixed
                        privileged: true
                        deploy: {endpoint_mode: dnsrr}
                    """, Map.of()), DeployOptions.defaults());
            assertTrue(log.get(0) instanceof Problem p && p.toString().contains(
                    "services.web.container_name"), log.toString());
            assertTrue(log.get(1) instanceof Problem p && p.toString().contains(
                    "services.web.privileged"), log.toString());
            assertTrue(log.get(2) instanceof ProgressEvent, log.toString());
        } finally {
            remove("warned");
        }
    }

    @Test
    @ResourceLock(value = NODES, mode = ResourceAccessMode.READ)
    void theDockerCliSeesTheStackAndRemovesIt() throws Exception {
        deploy(new Projects(dir).load("cli", """
                services:
                  api:
                    image: jcompose/base:latest
                    command: [sleep, "3600"]
                    stop_grace_period: 1s
                    deploy: {replicas: 2, endpoint_mode: dnsrr}
                """, Map.of()), DeployOptions.defaults().withWait(true));
        assertEquals("cli 1", docker("stack", "ls", "--format", "{{.Name}} {{.Services}}")
                .lines().filter(l -> l.startsWith("cli ")).findFirst().orElse(""));
        assertEquals("cli_api replicated 2/2", docker("stack", "services", "cli", "--format",
                "{{.Name}} {{.Mode}} {{.Replicas}}").strip());
        assertEquals(List.of("cli_api.1 Running", "cli_api.2 Running"), docker("stack", "ps",
                "cli", "--format", "{{.Name}} {{.DesiredState}}").lines().sorted().toList());
        docker("stack", "rm", "cli");
        assertNothingLeft("cli");
    }

    // ---- helpers

    /** The docker CLI's output, run against the swarm's manager; fails when it fails. */
    private static String docker(String... args) throws Exception {
        String cli = java.nio.file.Files.isExecutable(Path.of("/usr/local/bin/docker"))
                ? "/usr/local/bin/docker" : "docker";
        List<String> command = new ArrayList<>(List.of(cli));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", swarm.manager().socket());
        Process p;
        try {
            p = pb.start();
        } catch (java.io.IOException e) {
            throw new AssertionError("no docker CLI: install Debian's docker.io (scripts/engine.sh "
                    + "does)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + ": " + out);
        return out;
    }

    private void deploy(Project project, DeployOptions options) throws InterruptedException {
        DeployOptions bounded = options.await() && options.waitTimeout() == null
                ? options.withWaitTimeout(Duration.ofSeconds(90)) : options;
        System.out.println(Instant.now() + " deploy " + project.name());
        stacks.deploy(project, bounded, log::add, e -> {
            System.out.println(Instant.now() + " " + e);
            log.add(e);
            log.add(e.resource() + " " + e.status() + " " + e.text());
        });
    }

    /** The node and container host name of each running task of {@code service}. */
    private static Map<String, String> runningTasksByNode(String service) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode t : tasks(service)) {
            if (isRunning(t)) {
                out.put(nodeName(t.path("NodeID").asText()), t.path("Status")
                        .path("ContainerStatus").path("ContainerID").asText().substring(0, 12));
            }
        }
        return out;
    }

    /** The nodes of the running tasks of {@code service}, one entry per task. */
    private static List<String> runningTasks(String service) {
        List<String> out = new ArrayList<>();
        tasks(service).stream().filter(StacksIT::isRunning)
                .forEach(t -> out.add(nodeName(t.path("NodeID").asText())));
        return out;
    }

    private static boolean isRunning(JsonNode t) {
        return t.path("DesiredState").asText().equals("running")
                && t.path("Status").path("State").asText().equals("running");
    }

    private static List<JsonNode> tasks(String service) {
        List<JsonNode> out = new ArrayList<>();
        swarm.get("/tasks", Map.of("service", List.of(service))).forEach(out::add);
        return out;
    }

    private static Set<String> images(String service) {
        Set<String> out = new HashSet<>();
        tasks(service).stream().filter(StacksIT::isRunning).forEach(t -> out.add(
                t.path("Spec").path("ContainerSpec").path("Image").asText()));
        return out;
    }

    private static JsonNode service(String name) {
        return swarm.get("/services/" + name, Map.of());
    }

    private static Map<String, Long> versions(String stack) {
        Map<String, Long> out = new HashMap<>();
        swarm.get("/services", label(stack)).forEach(s -> out.put(s.path("Spec").path("Name")
                .asText(), s.path("Version").path("Index").asLong()));
        return out;
    }

    private static Set<String> secretNames(String stack) {
        Set<String> out = new HashSet<>();
        swarm.get("/secrets", label(stack)).forEach(s -> out.add(s.path("Spec").path("Name")
                .asText()));
        return out;
    }

    /** {@code later} was created after every task of {@code first} got running (or done). */
    private static void assertCreatedAfterRunning(String later, String first) {
        Instant created = Instant.parse(service(later).path("CreatedAt").asText());
        for (JsonNode t : tasks(first)) {
            Instant reached = Instant.parse(t.path("Status").path("Timestamp").asText());
            assertTrue(!reached.isAfter(created), later + " was created at " + created
                    + ", before " + first + "'s task " + t.path("ID").asText() + " got "
                    + t.path("Status").path("State").asText() + " at " + reached);
        }
    }

    /** Removes the stack (and says when, in the test's output). */
    private static boolean remove(String stack) throws InterruptedException {
        System.out.println(Instant.now() + " remove " + stack);
        boolean found = stacks.remove(stack, false, e -> { });
        System.out.println(Instant.now() + " removed " + stack);
        return found;
    }

    private static JsonNode nodeNamed(String name) {
        for (JsonNode n : swarm.get("/nodes", Map.of())) {
            if (n.path("Description").path("Hostname").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no node " + name);
    }

    private static String nodeName(String id) {
        for (JsonNode n : swarm.get("/nodes", Map.of())) {
            if (n.path("ID").asText().equals(id)) {
                return n.path("Description").path("Hostname").asText();
            }
        }
        return id;
    }

    private static void setAvailability(String name, String availability) {
        JsonNode node = nodeNamed(name);
        swarm.manager().api().run(c -> c.updateSwarmNodeCmd()
                .withSwarmNodeId(node.path("ID").asText())
                .withVersion(node.path("Version").path("Index").asLong())
                .withSwarmNodeSpec(new com.github.dockerjava.api.model.SwarmNodeSpec()
                        .withRole(com.github.dockerjava.api.model.SwarmNodeRole.valueOf(
                                node.path("Spec").path("Role").asText().toUpperCase(
                                        java.util.Locale.ROOT)))
                        .withAvailability(com.github.dockerjava.api.model.SwarmNodeAvailability
                                .valueOf(availability.toUpperCase(java.util.Locale.ROOT))))
                .exec());
    }

    /**
     * No service, network, secret or config of the stack, and no container on any node (soon:
     * swarm removes what a removal leaves to it in the background).
     */
    private static void assertNothingLeft(String stack) throws InterruptedException {
        for (String kind : List.of("services", "networks", "secrets", "configs")) {
            TestSwarm.await(kind + " of " + stack + " are gone", Duration.ofSeconds(30),
                    () -> swarm.get("/" + kind, label(stack)).isEmpty());
        }
        TestSwarm.await("the containers of " + stack + " are gone from every node",
                Duration.ofSeconds(30), () -> swarm.nodes().stream().allMatch(n -> n.api()
                        .get("/containers/json?all=true", label(stack), "containers")
                        .isEmpty()));
    }

    private static Map<String, List<String>> label(String stack) {
        return Map.of("label", List.of("com.docker.stack.namespace=" + stack));
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
