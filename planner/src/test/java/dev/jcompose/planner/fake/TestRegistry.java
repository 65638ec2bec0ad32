package dev.jcompose.planner.fake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A real image registry for integration tests: Debian's {@code docker-registry} (the CNCF
 * distribution registry) on 127.0.0.1 at a free port, storing into a directory of the test's,
 * optionally behind htpasswd (bcrypt) authentication. The engine treats 127.0.0.0/8 registries
 * as insecure, so plain HTTP works. The packages are installed by
 * {@code scripts/registry-deps.sh} when missing.
 */
public final class TestRegistry implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path dir;
    private final String user;
    private final String password;

    private TestRegistry(Process process, int port, Path dir, String user, String password) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.user = user;
        this.password = password;
    }

    /** A registry without authentication, storing under {@code dir}. */
    public static TestRegistry open(Path dir) {
        return start(dir, null, null);
    }

    /** A registry that accepts only {@code user} with {@code password}. */
    public static TestRegistry withAuth(Path dir, String user, String password) {
        return start(dir, user, password);
    }

    private static synchronized void ensureInstalled(boolean auth) {
        boolean missing = !Files.isExecutable(BINARY)
                || auth && !Files.isExecutable(Path.of("/usr/bin/htpasswd"));
        if (!missing) {
            return;
        }
        Path script = BaseImage.repositoryRoot().resolve("scripts/registry-deps.sh");
        if (run(List.of("bash", script.toString())) != 0) {
            throw new IllegalStateException(script + " failed: cannot install the registry");
        }
    }

    private static int run(List<String> command) {
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static TestRegistry start(Path dir, String user, String password) {
        ensureInstalled(user != null);
        try {
            Files.createDirectories(dir);
            String auth = "";
            if (user != null) {
                Path htpasswd = dir.resolve("htpasswd");
                Process p = new ProcessBuilder("htpasswd", "-Bbn", user, password)
                        .redirectErrorStream(true).start();
                String entry = new String(p.getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8).strip();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("htpasswd failed: " + entry);
                }
                Files.writeString(htpasswd, entry + "\n");
                auth = """
                        auth:
                          htpasswd:
                            realm: jcompose-test
                            path: %s
                        """.formatted(htpasswd);
            }
            IllegalStateException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                Path config = dir.resolve("config.yml");
                Files.writeString(config, """
                        version: 0.1
                        log:
                          level: error
                          accesslog:
                            disabled: true
                        storage:
                          filesystem:
                            rootdirectory: %s
                          delete:
                            enabled: true
                        http:
                          addr: 127.0.0.1:%d
                        %s""".formatted(dir.resolve("data"), port, auth));
                Process process = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("registry.log").toFile())
                        .start();
                TestRegistry r = new TestRegistry(process, port, dir, user, password);
                try {
                    r.awaitReady();
                    return r;
                } catch (IllegalStateException e) {
                    r.close();
                    last = e;
                }
            }
            throw last;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the registry in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the registry exited: " + log());
            }
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(url() + "/v2/"))
                        .timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the registry did not answer within " + START_TIMEOUT
                + ": " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("registry.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code 127.0.0.1:PORT}, the registry part of image references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public String url() {
        return "http://" + host();
    }

    /**
     * The registry's answer to {@code GET /v2/<path>} (with the credentials when it has auth),
     * e.g. {@code app/tags/list}: the status line's code and the body.
     */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + "/v2/" + path))
                .timeout(Duration.ofSeconds(10));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
