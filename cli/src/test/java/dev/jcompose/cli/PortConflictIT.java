package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.fake.BaseImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up} of a service whose published port is taken, on the real engine: one paragraph
 * naming the service, the address and who holds it, exit 1, and nothing of the project left
 * (compose v2, the oracle, leaves the container that could not start, "Created", with the
 * network and the dependency it started).
 */
class PortConflictIT {

    @TempDir
    Path dir;

    @RegisterExtension
    final EngineProject engineProject = new EngineProject("port");
    private final String project = engineProject.name();
    private final String other = engineProject.related("other");
    private final String v2project = engineProject.related("v2");

    private void compose(int port) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  db:
                    image: %1$s
                    command: ["sleep", "300"]
                  web:
                    image: %1$s
                    command: ["sleep", "300"]
                    ports: ["127.0.0.1:%2$d:80"]
                    depends_on: [db]
                """.formatted(BaseImage.NAME, port));
    }

    @Test
    void aPortHeldByAProcessNamesItAndLeavesNothing() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = held.getLocalPort();
            compose(port);
            CliRunner cli = new CliRunner(dir);
            CliRunner.Result up = cli.run("-p", project, "up", "-d");
            assertEquals(1, up.exitCode(), up.toString());
            String error = up.err().substring(up.err().indexOf("error: "));
            assertEquals(1, error.strip().lines().count(), up.toString());
            assertTrue(error.contains("service web cannot publish 127.0.0.1:" + port + "/tcp: "
                    + "the port is already in use on the engine's host, by process java (pid "
                    + ProcessHandle.current().pid() + ")"), up.toString());
            assertTrue(error.contains("Removed container " + project + "-"), up.toString());
            assertFalse(up.err().contains("\tat "), up.toString());
            assertEquals(List.of(), Processes.resources(project), "left behind");

            // the oracle: compose v2 leaves the container it could not start, and the rest
            CliRunner.Result v2 = new ComposeOracle(dir).v2("-p", v2project, "up", "-d");
            assertEquals(1, v2.exitCode(), v2.toString());
            assertTrue(Processes.resources(v2project).contains(v2project + "-web-1 created"),
                    Processes.resources(v2project).toString());
        }
    }

    @Test
    void aPortHeldByAContainerOfAnotherProjectNamesIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        compose(port);
        CliRunner cli = new CliRunner(dir);
        assertEquals(0, cli.run("-p", other, "up", "-d").exitCode());
        List<String> before = Processes.resources(other);
        CliRunner.Result up = cli.run("-p", project, "up", "-d");
        assertEquals(1, up.exitCode(), up.toString());
        assertTrue(up.err().contains("service web cannot publish 127.0.0.1:" + port + "/tcp: "
                + "the port is already in use on the engine's host, by container " + other
                + "-web-1 (project " + other + ")"), up.toString());
        assertEquals(List.of(), Processes.resources(project), "left behind");
        assertEquals(before, Processes.resources(other), "the holder is untouched");

        // a project that was up keeps what runs: only the container that cannot start goes
        assertEquals(0, cli.run("-p", project, "up", "-d", "db").exitCode());
        CliRunner.Result again = cli.run("-p", project, "up", "-d");
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.err().contains("Removed container " + project + "-web-1 that this up "
                + "created."), again.toString());
        assertEquals(List.of(project + "-db-1 running", "network " + project + "_default"),
                Processes.resources(project));
    }
}
