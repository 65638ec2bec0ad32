package dev.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jcompose.runtime.JsonTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the Engine API, for the start-up training run only ({@link StartupTraining}):
 * just enough of containers, networks, volumes, images and logs, kept in memory, for
 * {@code up}, {@code ps}, {@code logs} and {@code down} to run their real code (planner,
 * executor, HTTP, JSON) on loopback without touching the user's engine. Unknown
 * calls get a 404, which the command reports like any engine error.
 */
final class TrainingEngine implements AutoCloseable {

    private static final String IMAGE_ID = "sha256:" + "7".repeat(64);

    // trees without an ObjectMapper, as the adapter reads and writes them: the training run's
    // classes are the cache's, loaded at every start
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, ObjectNode> containers = new LinkedHashMap<>();
    private final Map<String, ObjectNode> networks = new LinkedHashMap<>();
    private final Map<String, ObjectNode> volumes = new LinkedHashMap<>();

    TrainingEngine() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "training-engine");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The {@code DOCKER_HOST} value that reaches this stand-in. */
    String host() {
        return "tcp://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getRawPath().replaceFirst("^/v1\\.\\d+", "");
            String method = x.getRequestMethod();
            Map<String, String> query = query(x.getRequestURI().getRawQuery());
            byte[] body = x.getRequestBody().readAllBytes();
            synchronized (this) {
                route(x, method, path.split("/"), query, body);
            }
        }
    }

    private void route(HttpExchange x, String method, String[] p, Map<String, String> query,
            byte[] body) throws IOException {
        String kind = p.length > 1 ? p[1] : "";
        String name = p.length > 2 ? URLDecoder.decode(p[2], StandardCharsets.UTF_8) : "";
        String action = p.length > 3 ? p[3] : "";
        switch (kind) {
            case "_ping" -> send(x, 200, "OK");
            case "version" -> send(x, 200, "{\"Version\":\"training\",\"ApiVersion\":\"1.41\","
                    + "\"Os\":\"linux\",\"Arch\":\"amd64\"}");
            case "info" -> send(x, 200, "{\"ServerVersion\":\"training\",\"OSType\":\"linux\"}");
            case "containers" -> containers(x, method, name, action, query, body);
            case "networks" -> named(x, method, name, query, body, networks, "Name", false);
            case "volumes" -> named(x, method, name, query, body, volumes, "Name", true);
            case "images" -> images(x, String.join("/", java.util.Arrays.copyOfRange(p, 2,
                    p.length)));
            case "events" -> send(x, 200, "");
            default -> send(x, 404, "{\"message\":\"not in the training engine\"}");
        }
    }

    private void containers(HttpExchange x, String method, String id, String action,
            Map<String, String> query, byte[] body) throws IOException {
        if (id.equals("json")) {
            ArrayNode list = NODES.arrayNode();
            containers.values().stream().filter(c -> matches(c.get("Labels"), query))
                    .forEach(c -> list.add(summary(c)));
            send(x, 200, text(list));
            return;
        }
        if (id.equals("create")) {
            ObjectNode spec = (ObjectNode) JsonTrees.read(body);
            String newId = String.format("%064x", ids.incrementAndGet());
            ObjectNode c = NODES.objectNode();
            c.put("Id", newId);
            c.put("Name", query.getOrDefault("name", "c" + newId.substring(58)));
            c.put("Image", spec.path("Image").asText());
            c.set("Labels", spec.has("Labels") ? spec.get("Labels") : NODES.objectNode());
            c.put("State", "created");
            containers.put(newId, c);
            send(x, 201, "{\"Id\":\"" + newId + "\",\"Warnings\":[]}");
            return;
        }
        ObjectNode c = find(id);
        if (c == null) {
            send(x, 404, "{\"message\":\"No such container: " + id + "\"}");
            return;
        }
        switch (method + " " + action) {
            case "GET json" -> send(x, 200, text(inspect(c)));
            case "POST start", "POST restart", "POST unpause" -> {
                c.put("State", "running");
                send(x, 204, "");
            }
            case "POST stop", "POST kill" -> {
                c.put("State", "exited");
                send(x, 204, "");
            }
            case "DELETE " -> {
                containers.remove(c.get("Id").asText());
                send(x, 204, "");
            }
            case "GET logs" -> sendLogs(x, c.get("Name").asText());
            default -> send(x, 404, "{\"message\":\"not in the training engine\"}");
        }
    }

    private ObjectNode find(String idOrName) {
        for (ObjectNode c : containers.values()) {
            if (c.get("Id").asText().startsWith(idOrName) || c.get("Name").asText()
                    .equals(idOrName)) {
                return c;
            }
        }
        return null;
    }

    private ObjectNode summary(ObjectNode c) {
        ObjectNode s = NODES.objectNode();
        s.put("Id", c.get("Id").asText());
        s.set("Names", NODES.arrayNode().add("/" + c.get("Name").asText()));
        s.put("Image", c.get("Image").asText());
        s.put("ImageID", IMAGE_ID);
        s.put("Command", "sleep 3600");
        s.put("Created", 1_700_000_000L);
        s.put("State", c.get("State").asText());
        s.put("Status", c.get("State").asText().equals("running") ? "Up 2 seconds"
                : "Exited (0) 1 second ago");
        ObjectNode port = NODES.objectNode();
        port.put("IP", "127.0.0.1");
        port.put("PrivatePort", 80);
        port.put("PublicPort", 20080);
        port.put("Type", "tcp");
        s.set("Ports", NODES.arrayNode().add(port));
        s.set("Labels", c.get("Labels"));
        s.set("Mounts", NODES.arrayNode());
        return s;
    }

    private ObjectNode inspect(ObjectNode c) {
        boolean running = c.get("State").asText().equals("running");
        ObjectNode i = NODES.objectNode();
        i.put("Id", c.get("Id").asText());
        i.put("Name", "/" + c.get("Name").asText());
        i.put("Created", "2026-01-01T00:00:00.000000000Z");
        i.put("Image", IMAGE_ID);
        ObjectNode state = i.putObject("State");
        state.put("Status", c.get("State").asText());
        state.put("Running", running);
        state.put("ExitCode", 0);
        state.put("StartedAt", "2026-01-01T00:00:01.000000000Z");
        ObjectNode config = i.putObject("Config");
        config.put("Image", c.get("Image").asText());
        config.set("Labels", c.get("Labels"));
        i.putObject("HostConfig");
        i.putObject("NetworkSettings").putObject("Networks");
        i.set("Mounts", NODES.arrayNode());
        return i;
    }

    private void named(HttpExchange x, String method, String name, Map<String, String> query,
            byte[] body, Map<String, ObjectNode> store, String key, boolean wrapped)
            throws IOException {
        if (method.equals("GET") && name.isEmpty()) {
            ArrayNode list = NODES.arrayNode();
            store.values().stream().filter(n -> matches(n.get("Labels"), query)).forEach(list::add);
            send(x, 200, wrapped ? "{\"Volumes\":" + list + ",\"Warnings\":null}"
                    : text(list));
        } else if (method.equals("POST") && name.equals("create")) {
            ObjectNode n = (ObjectNode) JsonTrees.read(body);
            String id = String.format("%064x", ids.incrementAndGet());
            n.put("Id", id);
            if (!n.has("Labels") || n.get("Labels").isNull()) {
                n.set("Labels", NODES.objectNode());
            }
            n.put("Driver", n.path("Driver").asText("local"));
            n.put("Scope", "local");
            n.put("Mountpoint", "/var/lib/training/" + n.path(key).asText());
            store.put(n.path(key).asText(), n);
            send(x, 201, wrapped ? text(n) : "{\"Id\":\"" + id + "\",\"Warning\":\"\"}");
        } else {
            ObjectNode n = store.get(name);
            if (n == null) {
                n = store.values().stream().filter(v -> v.path("Id").asText().equals(name))
                        .findFirst().orElse(null);
            }
            if (n == null) {
                send(x, 404, "{\"message\":\"no such object: " + name + "\"}");
            } else if (method.equals("DELETE")) {
                store.values().remove(n);
                send(x, 204, "");
            } else {
                send(x, 200, text(n));
            }
        }
    }

    private void images(HttpExchange x, String rest) throws IOException {
        String name = URLDecoder.decode(rest.replaceFirst("/json$", ""), StandardCharsets.UTF_8);
        if (rest.equals("json")) {
            send(x, 200, "[]");
        } else if (rest.endsWith("/json")) {
            send(x, 200, "{\"Id\":\"" + IMAGE_ID + "\",\"RepoTags\":[\"" + name + "\"],"
                    + "\"Created\":\"2026-01-01T00:00:00Z\",\"Size\":1,\"Os\":\"linux\","
                    + "\"Architecture\":\"amd64\",\"Config\":{\"Labels\":{}}}");
        } else {
            send(x, 404, "{\"message\":\"not in the training engine\"}");
        }
    }

    /** Label filters as docker-java sends them: {@code filters={"label":["k=v",...]}}. */
    private boolean matches(JsonNode labels, Map<String, String> query) {
        String filters = query.get("filters");
        if (filters == null) {
            return true;
        }
        try {
            JsonNode wanted = JsonTrees.read(filters.getBytes(StandardCharsets.UTF_8)).path("label");
            for (Iterator<JsonNode> it = wanted.elements(); it.hasNext(); ) {
                String[] kv = it.next().asText().split("=", 2);
                JsonNode v = labels == null ? null : labels.get(kv[0]);
                if (v == null || (kv.length == 2 && !v.asText().equals(kv[1]))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    private void sendLogs(HttpExchange x, String name) throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (int i = 1; i <= 20; i++) {
            byte[] line = (name + " says hello, line " + i + "\n").getBytes(StandardCharsets.UTF_8);
            frames.write(new byte[] {(byte) (i % 2 == 0 ? 2 : 1), 0, 0, 0, 0, 0,
                (byte) (line.length >> 8), (byte) line.length});
            frames.write(line);
        }
        x.getResponseHeaders().add("Content-Type", "application/vnd.docker.raw-stream");
        x.sendResponseHeaders(200, frames.size());
        try (OutputStream out = x.getResponseBody()) {
            frames.writeTo(out);
        }
    }

    private static String text(JsonNode n) {
        return new String(JsonTrees.write(n), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (status == 204) {
            x.sendResponseHeaders(204, -1);
            return;
        }
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String part : raw.split("&")) {
                String[] kv = part.split("=", 2);
                q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return q;
    }
}
