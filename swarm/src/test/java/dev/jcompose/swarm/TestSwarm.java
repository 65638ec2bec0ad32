package dev.jcompose.swarm;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.runtime.DockerApi;
import dev.jcompose.runtime.DockerEngine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The 3-node swarm {@code scripts/swarm.sh up} starts in network namespaces: each node's socket
 * and address, as the script lists them in {@code $JCOMPOSE_SWARM_DIR/nodes}. The tests fail,
 * saying how to start it, when it is not there. Checkouts testing at once share the swarm: a
 * test class holds it alone, from {@link #require} to {@link #close} (a machine-wide lock, so
 * one run's drained node or stack names never meet another's tests).
 */
public final class TestSwarm implements AutoCloseable {

    private static final Object HOLD = new Object();
    private static int holders;
    private static FileChannel lockFile;
    private static FileLock lock;

    /** One node: its host name, engine socket, address on the hub, and role. */
    public record Node(String name, String socket, String address, String role) {

        public DockerApi api() {
            return DockerApi.of(DockerEngine.at(socket, Map.of()));
        }
    }

    private final List<Node> nodes;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).build();

    private TestSwarm(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** The running test swarm, or a failure saying how to start one. */
    public static TestSwarm require() {
        Path dir = Path.of(System.getenv().getOrDefault("JCOMPOSE_SWARM_DIR",
                "/tmp/jcompose-swarm"));
        Path list = dir.resolve("nodes");
        List<Node> nodes = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(list)) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 4) {
                    nodes.add(new Node(f[0], f[1], f[2], f[3]));
                }
            }
        } catch (IOException e) {
            fail("no test swarm at " + dir + ": start one with scripts/swarm.sh up (3 dockerd in "
                    + "network namespaces; scripts/test.sh does it), or set JCOMPOSE_SWARM_DIR");
        }
        if (nodes.size() != 3) {
            fail(list + " lists " + nodes.size() + " nodes, not 3: restart the swarm "
                    + "(scripts/swarm.sh down; scripts/swarm.sh up)");
        }
        hold(Path.of(dir + ".tests.lock"));
        TestSwarm swarm = new TestSwarm(nodes);
        JsonNode info = swarm.manager().api().get("/info", Map.of(), "reading swarm info");
        if (info == null || info.path("Swarm").path("Nodes").asInt() != 3) {
            fail("the test swarm does not answer with 3 nodes: restart it (scripts/swarm.sh "
                    + "down; scripts/swarm.sh up)");
        }
        return swarm;
    }

    /** Takes the machine-wide lock, once per JVM however many classes hold the swarm. */
    private static void hold(Path file) {
        synchronized (HOLD) {
            if (holders++ > 0) {
                return;
            }
            try {
                lockFile = FileChannel.open(file, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                lock = lockFile.tryLock();
                if (lock == null) {
                    System.err.println("waiting for another test run's use of the swarm (" + file
                            + ")");
                    lock = lockFile.lock();
                }
            } catch (IOException e) {
                holders--;
                fail("cannot lock " + file + ": " + e.getMessage());
            }
        }
    }

    /** Lets other test runs use the swarm, when no other class of this JVM holds it. */
    @Override
    public void close() {
        synchronized (HOLD) {
            if (holders == 0 || --holders > 0) {
                return;
            }
            try {
                lock.release();
                lockFile.close();
            } catch (IOException e) {
                // closing the channel releases the lock; the JVM's exit does in the end
            }
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Node manager() {
        return nodes.stream().filter(n -> n.role().equals("manager")).findFirst().orElseThrow();
    }

    public Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    /** The swarm's answer to {@code GET path} on the manager. */
    public JsonNode get(String path, Map<String, List<String>> filters) {
        return manager().api().get(path, filters, "GET " + path);
    }

    /** The body of {@code url}, or null when it does not answer within 2 s. */
    public String fetch(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits until {@code condition} holds, or fails with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(250);
        }
    }
}
