package dev.jcompose.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * jcompose and the docker CLI as processes of their own, for the tests whose subject is a
 * process (its log levels, two of them at once), and what the engine holds of a project.
 */
final class Processes {

    static final Path REPO = Path.of("").toAbsolutePath().getParent();

    private Processes() {
    }

    /** The launcher on {@code project} in {@code dir}, plain progress, stderr into stdout. */
    static Process jcompose(Path dir, String project, Map<String, String> env, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(REPO.resolve("jcompose").toString(),
                "-p", project, "--progress", "plain"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().remove("COMPOSE_PROJECT_NAME");
        pb.environment().remove("COMPOSE_FILE");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** What the docker CLI prints for {@code args}, stdout and stderr together. */
    static String docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** The project's containers ({@code name state}) and networks, as the engine lists them. */
    static List<String> resources(String project) {
        try (var docker = Cleanup.docker()) {
            var containers = docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("com.docker.compose.project", project)).exec()
                    .stream().map(c -> c.getNames()[0].substring(1) + " " + c.getState())
                    .sorted();
            var networks = docker.listNetworksCmd().withFilter("label",
                    List.of("com.docker.compose.project=" + project)).exec().stream()
                    .map(n -> "network " + n.getName()).sorted();
            return Stream.concat(containers, networks).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
