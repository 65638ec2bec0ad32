package dev.jcompose.cli.startup;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jcompose.model.load.ModelPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.URLDecoder;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A stand-in for the Engine API, for the start-up training run only ({@link StartupTraining}):
 * just enough of containers, networks, volumes, images and logs, kept in memory, for
 * {@code version}, {@code ps}, {@code ls}, {@code up}, {@code logs} and {@code down} to run their
 * real code (planner, executor, engine client, HTTP, JSON) without touching the user's engine.
 * Unknown calls get a 404, which the command reports like any engine error. Request bodies are
 * read with the YAML parser the loader uses (JSON is YAML) and answers written with the model's
 * JSON printer, so it needs nothing of the engine client's.
 *
 * <p>It runs in a process of its own ({@link #main}), reached on a Unix socket as the engine
 * usually is: a cache holds every class its training run loaded and loads them all at every
 * start, so the stand-in's server classes stay out of it, and the client's Unix socket path is
 * in it whether or not an engine ran where the cache was made.
 */
public final class TrainingEngine implements AutoCloseable {

    private static final String IMAGE_ID = "sha256:" + "7".repeat(64);

    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Map<String, Object>> containers = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> networks = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();

    /**
     * Serves on the Unix socket {@code args[0]} until standard input ends (the training run
     * that started it exited); {@code seeded} as {@code args[1]}: three running containers of
     * the training project to begin with, for the readers ({@code ps}, {@code ls}) to print.
     */
    public static void main(String[] args) throws IOException {
        try (TrainingEngine engine = new TrainingEngine()) {
            if (args.length > 1 && args[1].equals("seeded")) {
                engine.seed(3);
            }
            Path socket = Path.of(args[0]);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread accept = new Thread(() -> engine.relay(server), "training-socket");
            accept.setDaemon(true);
            accept.start();
            System.in.transferTo(OutputStream.nullOutputStream());
            server.close();
            Files.deleteIfExists(socket);
        }
    }

    /** Each connection to the Unix socket relayed to the HTTP server on loopback. */
    private void relay(ServerSocketChannel unix) {
        while (true) {
            SocketChannel client;
            try {
                client = unix.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread.ofPlatform().daemon().start(() -> {
                try (client; Socket tcp = new Socket(InetAddress.getLoopbackAddress(),
                        server.getAddress().getPort())) {
                    Thread up = Thread.ofPlatform().daemon().start(() -> {
                        try {
                            Channels.newInputStream(client).transferTo(tcp.getOutputStream());
                            tcp.shutdownOutput();
                        } catch (IOException e) {
                            // the client or the server closed
                        }
                    });
                    tcp.getInputStream().transferTo(Channels.newOutputStream(client));
                    up.join();
                } catch (IOException | InterruptedException e) {
                    // the client or the server closed: this connection is over
                }
            });
        }
    }

    /** {@code n} running containers of the training project's first services. */
    private void seed(int n) {
        for (int i = 1; i <= n; i++) {
            String id = String.format("%064x", ids.incrementAndGet());
            Map<String, Object> labels = new LinkedHashMap<>();
            labels.put("com.docker.compose.project", "training");
            labels.put("com.docker.compose.service", "svc" + i);
            labels.put("com.docker.compose.container-number", "1");
            labels.put("com.docker.compose.oneoff", "False");
            labels.put("com.docker.compose.project.working_dir", "/training");
            labels.put("com.docker.compose.project.config_files", "/training/compose.yaml");
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("Id", id);
            c.put("Name", "training-svc" + i + "-1");
            c.put("Image", "jcompose/base:latest");
            c.put("Labels", labels);
            c.put("State", "running");
            containers.put(id, c);
        }
    }

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
            case "networks" -> named(x, method, name, query, body, networks, false);
            case "volumes" -> named(x, method, name, query, body, volumes, true);
            case "images" -> images(x, String.join("/", java.util.Arrays.copyOfRange(p, 2,
                    p.length)));
            case "events" -> send(x, 200, "");
            default -> send(x, 404, "{\"message\":\"not in the training engine\"}");
        }
    }

    private void containers(HttpExchange x, String method, String id, String action,
            Map<String, String> query, byte[] body) throws IOException {
        if (id.equals("json")) {
            List<Object> list = new ArrayList<>();
            containers.values().stream().filter(c -> matches(c.get("Labels"), query))
                    .forEach(c -> list.add(summary(c)));
            send(x, 200, ModelPrinter.jsonLine(list));
            return;
        }
        if (id.equals("create")) {
            Map<String, Object> spec = object(body);
            String newId = String.format("%064x", ids.incrementAndGet());
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("Id", newId);
            c.put("Name", query.getOrDefault("name", "c" + newId.substring(58)));
            c.put("Image", String.valueOf(spec.get("Image")));
            c.put("Labels", spec.get("Labels") instanceof Map<?, ?> l ? l : Map.of());
            c.put("State", "created");
            containers.put(newId, c);
            send(x, 201, "{\"Id\":\"" + newId + "\",\"Warnings\":[]}");
            return;
        }
        Map<String, Object> c = find(id);
        if (c == null) {
            send(x, 404, "{\"message\":\"No such container: " + id + "\"}");
            return;
        }
        switch (method + " " + action) {
            case "GET json" -> send(x, 200, ModelPrinter.jsonLine(inspect(c)));
            case "POST start", "POST restart", "POST unpause" -> {
                c.put("State", "running");
                send(x, 204, "");
            }
            case "POST stop", "POST kill" -> {
                c.put("State", "exited");
                send(x, 204, "");
            }
            case "DELETE " -> {
                containers.remove((String) c.get("Id"));
                send(x, 204, "");
            }
            case "GET logs" -> sendLogs(x, (String) c.get("Name"));
            default -> send(x, 404, "{\"message\":\"not in the training engine\"}");
        }
    }

    private Map<String, Object> find(String idOrName) {
        for (Map<String, Object> c : containers.values()) {
            if (((String) c.get("Id")).startsWith(idOrName) || c.get("Name").equals(idOrName)) {
                return c;
            }
        }
        return null;
    }

    private static Map<String, Object> summary(Map<String, Object> c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Id", c.get("Id"));
        s.put("Names", List.of("/" + c.get("Name")));
        s.put("Image", c.get("Image"));
        s.put("ImageID", IMAGE_ID);
        s.put("Command", "sleep 3600");
        s.put("Created", 1_700_000_000L);
        s.put("State", c.get("State"));
        s.put("Status", "running".equals(c.get("State")) ? "Up 2 seconds"
                : "Exited (0) 1 second ago");
        s.put("Ports", List.of(Map.of("IP", "127.0.0.1", "PrivatePort", 80,
                "PublicPort", 20080, "Type", "tcp")));
        s.put("Labels", c.get("Labels"));
        s.put("Mounts", List.of());
        return s;
    }

    private static Map<String, Object> inspect(Map<String, Object> c) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("Id", c.get("Id"));
        i.put("Name", "/" + c.get("Name"));
        i.put("Created", "2026-01-01T00:00:00.000000000Z");
        i.put("Image", IMAGE_ID);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Status", c.get("State"));
        state.put("Running", "running".equals(c.get("State")));
        state.put("ExitCode", 0);
        state.put("StartedAt", "2026-01-01T00:00:01.000000000Z");
        i.put("State", state);
        i.put("Config", Map.of("Image", c.get("Image"), "Labels", c.get("Labels")));
        i.put("HostConfig", Map.of());
        i.put("NetworkSettings", Map.of("Networks", Map.of()));
        i.put("Mounts", List.of());
        return i;
    }

    private void named(HttpExchange x, String method, String name, Map<String, String> query,
            byte[] body, Map<String, Map<String, Object>> store, boolean wrapped)
            throws IOException {
        if (method.equals("GET") && name.isEmpty()) {
            List<Object> list = new ArrayList<>();
            store.values().stream().filter(n -> matches(n.get("Labels"), query)).forEach(list::add);
            send(x, 200, wrapped ? "{\"Volumes\":" + ModelPrinter.jsonLine(list)
                    + ",\"Warnings\":null}" : ModelPrinter.jsonLine(list));
        } else if (method.equals("POST") && name.equals("create")) {
            Map<String, Object> n = new LinkedHashMap<>(object(body));
            String id = String.format("%064x", ids.incrementAndGet());
            n.put("Id", id);
            if (!(n.get("Labels") instanceof Map<?, ?>)) {
                n.put("Labels", Map.of());
            }
            n.putIfAbsent("Driver", "local");
            n.put("Scope", "local");
            n.put("Mountpoint", "/var/lib/training/" + n.get("Name"));
            store.put(String.valueOf(n.get("Name")), n);
            send(x, 201, wrapped ? ModelPrinter.jsonLine(n)
                    : "{\"Id\":\"" + id + "\",\"Warning\":\"\"}");
        } else {
            Map<String, Object> n = store.get(name);
            if (n == null) {
                n = store.values().stream().filter(v -> name.equals(v.get("Id")))
                        .findFirst().orElse(null);
            }
            if (n == null) {
                send(x, 404, "{\"message\":\"no such object: " + name + "\"}");
            } else if (method.equals("DELETE")) {
                store.values().remove(n);
                send(x, 204, "");
            } else {
                send(x, 200, ModelPrinter.jsonLine(n));
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

    /** Label filters as the engine client sends them: {@code filters={"label":["k=v",...]}}. */
    private static boolean matches(Object labels, Map<String, String> query) {
        String filters = query.get("filters");
        if (filters == null) {
            return true;
        }
        Object wanted = object(filters.getBytes(StandardCharsets.UTF_8)).get("label");
        if (!(wanted instanceof List<?> list)) {
            return true;
        }
        Map<?, ?> have = labels instanceof Map<?, ?> m ? m : Map.of();
        for (Object item : list) {
            String[] kv = String.valueOf(item).split("=", 2);
            Object v = have.get(kv[0]);
            if (v == null || (kv.length == 2 && !String.valueOf(v).equals(kv[1]))) {
                return false;
            }
        }
        return true;
    }

    /** A JSON object (as YAML, of which JSON is a part); an empty map for anything else. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(byte[] json) {
        if (json.length == 0) {
            return Map.of();
        }
        Object o = new Load(LoadSettings.builder().build())
                .loadFromString(new String(json, StandardCharsets.UTF_8));
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
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
