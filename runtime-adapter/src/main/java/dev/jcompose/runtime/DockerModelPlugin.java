package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ModelRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Docker Model Runner through its docker CLI plugin ({@code docker-model}), as docker compose
 * drives it: {@code ls --json}, {@code pull}, {@code configure} and {@code status --json}. The
 * plugin is looked up where the docker CLI looks for plugins.
 */
public final class DockerModelPlugin implements ModelRunner {

    private static final long TIMEOUT_MINUTES = 60;

    private final Path plugin;
    private final Map<String, String> env;

    private DockerModelPlugin(Path plugin, Map<String, String> env) {
        this.plugin = plugin;
        this.env = env;
    }

    /** The plugin found for {@code env} (DOCKER_CONFIG, HOME), if installed. */
    public static Optional<DockerModelPlugin> find(Map<String, String> env) {
        return searched(env).stream().map(d -> d.resolve("docker-model"))
                .filter(Files::isExecutable).findFirst().map(p -> new DockerModelPlugin(p, env));
    }

    /** The folders searched, in order: the user's plugins, then the system's. */
    public static List<Path> searched(Map<String, String> env) {
        List<Path> dirs = new ArrayList<>();
        String config = env.get("DOCKER_CONFIG");
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        dirs.add(config != null && !config.isEmpty() ? Path.of(config, "cli-plugins")
                : Path.of(home, ".docker", "cli-plugins"));
        for (String d : List.of("/usr/local/lib/docker/cli-plugins",
                "/usr/local/libexec/docker/cli-plugins", "/usr/lib/docker/cli-plugins",
                "/usr/libexec/docker/cli-plugins")) {
            dirs.add(Path.of(d));
        }
        return dirs;
    }

    @Override
    public List<String> models() {
        List<String> out = new ArrayList<>();
        for (JsonNode m : json(run("ls", "--json"), "ls --json")) {
            m.path("tags").forEach(t -> out.add(t.asText()));
            if (m.hasNonNull("id")) {
                out.add(m.get("id").asText());
            }
        }
        return out;
    }

    @Override
    public void pull(String model) {
        run("pull", model);
    }

    @Override
    public void configure(String model, Long contextSize, List<String> runtimeFlags) {
        List<String> args = new ArrayList<>(List.of("configure"));
        if (contextSize != null && contextSize > 0) {
            args.add("--context-size");
            args.add(Long.toString(contextSize));
        }
        args.add(model);
        if (runtimeFlags != null && !runtimeFlags.isEmpty()) {
            args.add("--");
            args.addAll(runtimeFlags);
        }
        run(args.toArray(String[]::new));
    }

    @Override
    public String endpoint() {
        JsonNode status = json(run("status", "--json"), "status --json");
        String endpoint = status.path("endpoint").asText("");
        if (endpoint.isEmpty()) {
            throw new EngineException("docker model status --json gave no endpoint");
        }
        return endpoint;
    }

    private static JsonNode json(String text, String what) {
        try {
            return JsonTrees.read(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EngineException("docker model " + what + " did not print JSON: "
                    + text.strip());
        }
    }

    /** Runs the plugin; its standard output, or an error with what it printed. */
    private String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(plugin.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().putAll(env);
        pb.environment().put("DOCKER_HOST", DockerHosts.resolve(env));
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] err = new byte[0];
            var errReader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new EngineException("docker model " + String.join(" ", args)
                        + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            err = errReader.join();
            if (p.exitValue() != 0) {
                String said = new String(err, StandardCharsets.UTF_8).strip();
                throw new EngineException("docker model " + String.join(" ", args)
                        + " failed (exit code " + p.exitValue() + ")"
                        + (said.isEmpty() ? "" : ": " + said));
            }
            return out;
        } catch (IOException e) {
            throw new EngineException("cannot run " + plugin + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while running docker model");
        }
    }
}
