package dev.jcompose.cli.startup;

import dev.jcompose.cli.Console;
import dev.jcompose.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run for the JDK's ahead-of-time cache (JDK 25+, JEP 483/514/515). The launcher
 * runs it once per jar and JDK with {@code -XX:AOTCacheOutput}: it exercises what every command
 * pays for at start-up (command-line parsing, help, loading and printing a project, creating the
 * engine client, listing, and for the full cache {@code up}, {@code logs} and {@code down}) so
 * that later runs find those classes loaded, linked and profiled. It never touches the user's
 * engine: the engine commands talk to {@link TrainingEngine}, a stand-in in a process of its own
 * on a Unix socket, so a cache made where no engine runs (a release build) holds the readers'
 * whole path too (without it, {@code version} and {@code ls} of such a release took ~25% more CPU).
 *
 * <p>Three caches, as the argument says, because a cache's classes are all loaded when the JVM
 * starts: {@code model} trains only the commands that never talk to the engine ({@code config},
 * help), whose cache is half the size and starts them ~45 ms sooner; {@code read} adds the
 * engine client and a listing ({@code ps} and the other commands that only read), ~20 ms sooner
 * than with the full cache; {@code full} (the default) trains everything, {@code up},
 * {@code down}, {@code logs} and {@code stack config} included, for all other commands.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        train(args.length > 0 ? args[0] : "full");
        // every command ends in System.exit, which since JDK 21 asks the platform logger
        // whether to log it: ~25 classes the cache would otherwise not hold
        System.exit(0);
    }

    private static void train(String family) throws IOException {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(60_000);
                System.exit(0); // a training run never holds up the launcher for long
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "training-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Path dir = Files.createTempDirectory("jcompose-training-");
        try {
            Files.writeString(dir.resolve("compose.yaml"), composeFile(12));
            Files.writeString(dir.resolve(".env"), "TRAINING_PORT=18080\n");
            List<List<String>> commands = new ArrayList<>(List.of(
                    List.of("config", "-q"),
                    List.of("-f", "missing.yaml", "config")));
            if (!family.equals("read")) {
                // help and printing the model: not what ps and the other readers do
                commands.addAll(List.of(
                        List.of("--help"),
                        List.of("up", "--help"),
                        List.of("config"),
                        List.of("config", "--format", "json"),
                        List.of("config", "--services")));
            }
            if (family.equals("full")) {
                // the stack commands' check and converter, which need no engine
                commands.add(List.of("stack", "config", "--specs", "training"));
            }
            Map<String, String> env = new HashMap<>();
            env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            env.put("HOME", dir.toString());
            for (int round = 0; round < 3; round++) {
                for (List<String> command : commands) {
                    run(dir, env, command);
                }
            }
            if (family.equals("model")) {
                return;
            }
            // the engine commands, against a stand-in engine on a Unix socket: the readers on
            // containers it starts with, the lifecycle on those it is asked to make
            List<List<String>> engineCommands = family.equals("read") ? List.of(
                    List.of("version"),
                    List.of("ps"),
                    List.of("ps", "-a", "--format", "json"),
                    List.of("ls"),
                    List.of("-f", "missing.yaml", "ps"))
                    : List.of(
                    List.of("version"),
                    List.of("up", "-d"),
                    List.of("up", "-d"),
                    List.of("ps"),
                    List.of("ps", "-a", "--format", "json"),
                    List.of("ls"),
                    List.of("logs"),
                    List.of("down", "-v"));
            Path socket = dir.resolve("engine.sock");
            if (socket.toString().length() > 100) { // a socket's path has at most 107 bytes
                socket = Path.of("/tmp", "jcompose-training-" + ProcessHandle.current().pid()
                        + ".sock");
            }
            Process engine = startEngine(socket, family.equals("read"));
            try {
                env.put("DOCKER_HOST", "unix://" + socket);
                for (int round = 0; round < 3; round++) {
                    for (List<String> command : engineCommands) {
                        run(dir, env, command);
                    }
                }
            } finally {
                stopEngine(engine);
            }
        } finally {
            delete(dir);
        }
    }

    /**
     * The stand-in engine ({@link TrainingEngine}) in a JVM of its own, serving on
     * {@code socket} once this returns; it exits when this process does (its input ends).
     */
    static Process startEngine(Path socket, boolean seeded) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), TrainingEngine.class.getName(),
                socket.toString(), seeded ? "seeded" : "empty")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.exists(socket) && p.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return p;
    }

    /** Ends the stand-in engine as its input ends (it removes its socket), or by a signal. */
    static void stopEngine(Process engine) {
        try {
            engine.getOutputStream().close();
            engine.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.destroy();
    }

    private static void run(Path dir, Map<String, String> env, List<String> command) {
        // UTF-8 encoded like Main's streams, so the encoder's classes are in the cache too
        PrintWriter sink = new PrintWriter(Boolean.getBoolean("jcompose.training.verbose")
                ? System.err : OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("jcompose.training.verbose")) {
            sink.println("### " + String.join(" ", command));
        }
        Console console = new Console(sink, sink, new ByteArrayInputStream(new byte[0]),
                Map.copyOf(env), dir, false, false);
        try {
            Main.run(console, command.toArray(String[]::new));
        } catch (RuntimeException e) {
            // a training run only warms up; a failing command still did its job
        }
    }

    /** A project touching the commonly used keys and both syntaxes of each. */
    static String composeFile(int services) {
        StringBuilder b = new StringBuilder("name: training\nservices:\n");
        for (int i = 1; i <= services; i++) {
            b.append("  svc").append(i).append(":\n")
                    .append("    image: jcompose/base:latest\n")
                    .append("    command: [\"sleep\", \"3600\"]\n")
                    .append("    init: true\n")
                    .append("    environment:\n      INDEX: \"").append(i).append("\"\n")
                    .append("      PORT: ${TRAINING_PORT:-8080}\n")
                    .append("    labels: [\"dev.jcompose.training=").append(i).append("\"]\n")
                    .append("    ports: [\"127.0.0.1:").append(20000 + i).append(":80\"]\n")
                    .append(i % 2 == 0 // block sequences too, as most files write them
                            ? "    volumes:\n      - data" + i + ":/data\n      - ./:/src:ro\n"
                            : "    volumes: [\"data" + i + ":/data\", \"./:/src:ro\"]\n")
                    .append("    healthcheck:\n      test: [\"CMD\", \"true\"]\n")
                    .append("      interval: 5s\n");
            if (i > 1) {
                b.append("    depends_on:\n      svc").append(i - 1)
                        .append(":\n        condition: service_started\n");
            }
        }
        b.append("volumes:\n");
        for (int i = 1; i <= services; i++) {
            b.append("  data").append(i).append(": {}\n");
        }
        b.append("networks:\n  default:\n    name: training_default\n");
        return b.toString();
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
