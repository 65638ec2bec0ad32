package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.jcompose.planner.fake.BaseImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * up / ps / logs / down of a multi-service stack on the real engine, checked against what the
 * engine reports (docker inspect) and against an HTTP answer through the published port.
 */
class EndToEndIT {

    @TempDir
    Path dir;

    private String project;
    private int port;
    private CliRunner cli;

    @BeforeAll
    static void baseImage() {
        BaseImage.ensure();
    }

    @BeforeEach
    void setUp() throws IOException {
        project = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        port = freePort();
        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("site/index.html"), "hello from the bind mount\n");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: %1$s
                    init: true
                    command: ["sh", "-c", "echo web says hi; echo web err >&2; exec httpd -f -p 8080 -h /www"]
                    ports: ["127.0.0.1:%2$d:8080"]
                    volumes:
                      - ./site:/www:ro
                    networks: [front, back]
                    depends_on: [api]
                    labels:
                      tier: web
                    environment:
                      - GREETING=hi
                    working_dir: /www
                  api:
                    image: %1$s
                    init: true
                    command: ["sh", "-c", "echo api up; exec sleep 300"]
                    volumes:
                      - data:/data
                    networks: [back]
                    hostname: the-api
                networks:
                  front:
                  back:
                volumes:
                  data:
                """.formatted(BaseImage.NAME, port));
        cli = new CliRunner(dir);
    }

    @AfterEach
    void tearDown() {
        cli.run("-p", project, "down", "-v", "-t", "1");
        Cleanup.project(project);
    }

    @Test
    void upPsLogsDown() throws Exception {
        CliRunner.Result up = cli.run("-p", project, "up", "-d");
        assertEquals(0, up.exitCode(), up.toString());

        try (DockerClient docker = Cleanup.docker()) {
            InspectContainerResponse web = docker.inspectContainerCmd(project + "-web-1").exec();
            Map<String, String> labels = web.getConfig().getLabels();
            assertEquals(project, labels.get("com.docker.compose.project"));
            assertEquals("web", labels.get("com.docker.compose.service"));
            assertEquals("1", labels.get("com.docker.compose.container-number"));
            assertEquals("False", labels.get("com.docker.compose.oneoff"));
            assertEquals("web", labels.get("tier"));
            assertNotNull(labels.get("com.docker.compose.config-hash"));
            assertEquals("api:service_started:false", labels.get("com.docker.compose.depends_on"));
            assertEquals("/www", web.getConfig().getWorkingDir());
            assertTrue(List.of(web.getConfig().getEnv()).contains("GREETING=hi"));

            Map<String, ContainerNetwork> nets = web.getNetworkSettings().getNetworks();
            assertEquals(Set.of(project + "_front", project + "_back"), nets.keySet());
            assertTrue(nets.get(project + "_back").getAliases().contains("web"),
                    nets.toString());
            assertTrue(nets.get(project + "_front").getAliases().contains("web"),
                    nets.toString());

            Ports.Binding[] binding = web.getHostConfig().getPortBindings().getBindings()
                    .get(ExposedPort.tcp(8080));
            assertEquals("127.0.0.1", binding[0].getHostIp());
            assertEquals(Integer.toString(port), binding[0].getHostPortSpec());

            InspectContainerResponse.Mount site = web.getMounts().stream()
                    .filter(m -> "/www".equals(m.getDestination().getPath())).findFirst()
                    .orElseThrow();
            assertEquals(dir.resolve("site").toString(), site.getSource());
            assertEquals(Boolean.FALSE, site.getRW());

            InspectContainerResponse api = docker.inspectContainerCmd(project + "-api-1").exec();
            assertEquals("the-api", api.getConfig().getHostName());
            InspectContainerResponse.Mount data = api.getMounts().get(0);
            assertEquals(project + "_data", data.getName());
            assertEquals(Set.of(project + "_back"),
                    api.getNetworkSettings().getNetworks().keySet());
        }

        HttpResponse<String> answer = get("http://127.0.0.1:" + port + "/index.html");
        assertEquals(200, answer.statusCode());
        assertEquals("hello from the bind mount\n", answer.body());

        CliRunner.Result ps = cli.run("-p", project, "ps");
        assertEquals(0, ps.exitCode(), ps.toString());
        List<String> lines = ps.out().lines().toList();
        assertEquals(3, lines.size(), ps.toString());
        // compose v2's table: NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS
        assertTrue(lines.get(0).matches("NAME\\s+IMAGE\\s+COMMAND\\s+SERVICE\\s+CREATED\\s+STATUS"
                + "\\s+PORTS"), ps.out());
        assertTrue(lines.get(1).matches(project + "-api-1\\s+\\S+\\s+\".*\"\\s+api\\s+.* ago\\s+Up "
                + ".*"), ps.out());
        assertTrue(lines.get(2).matches(project + "-web-1\\s+\\S+\\s+\".*\"\\s+web\\s+.* ago\\s+Up "
                + ".*\\s+127.0.0.1:" + port + "->8080/tcp"), ps.out());
        CliRunner.Result json = cli.run("-p", project, "ps", "--format", "json");
        assertTrue(json.out().contains("\"Name\":\"" + project + "-web-1\""), json.toString());

        CliRunner.Result logs = awaitLogs("web says hi");
        assertTrue(logs.out().contains("web-1  | web says hi"), logs.toString());
        assertTrue(logs.err().contains("web-1  | web err"), logs.toString()); // its stderr
        assertTrue(logs.out().contains("api-1  | api up"), logs.toString());

        CliRunner.Result again = cli.run("-p", project, "up", "-d");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(!again.err().contains("Recreate") && !again.err().contains("Creating"),
                again.toString());

        CliRunner.Result down = cli.run("-p", project, "down", "-t", "1");
        assertEquals(0, down.exitCode(), down.toString());
        try (DockerClient docker = Cleanup.docker()) {
            Map<String, String> filter = Map.of("com.docker.compose.project", project);
            assertTrue(docker.listContainersCmd().withShowAll(true).withLabelFilter(filter)
                    .exec().isEmpty());
            assertTrue(docker.listNetworksCmd().withFilter("label",
                    List.of("com.docker.compose.project=" + project)).exec().isEmpty());
            assertEquals(1, docker.listVolumesCmd().withFilter("label",
                    List.of("com.docker.compose.project=" + project)).exec().getVolumes().size(),
                    "the named volume survives down");
        }
    }

    private CliRunner.Result awaitLogs(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        CliRunner.Result logs;
        do {
            logs = cli.run("-p", project, "logs");
            if (logs.out().contains(expected)) {
                return logs;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return logs;
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        IOException last = null;
        for (int i = 0; i < 50; i++) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
