package dev.jcompose.api.local;

import dev.jcompose.model.Hook;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.CopiedFile;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ExecSpec;
import dev.jcompose.planner.engine.StreamIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The engine side of watch: copies host files into a service's containers through the engine's
 * archive API, deletes files there, runs a rule's command. Every method acts on the containers
 * given, one after the other.
 */
final class WatchSync {

    private final Engine engine;
    private final String project;
    private final Map<String, List<ContainerSummary>> running = new ConcurrentHashMap<>();

    WatchSync(Engine engine, String project) {
        this.engine = engine;
        this.project = project;
    }

    /**
     * The service's running containers (restarting ones included), one-offs left out; listed
     * once and kept until {@link #forget} (called on each of the service's container events).
     */
    List<ContainerSummary> running(String service) {
        return running.computeIfAbsent(service, s -> engine.listContainers(
                Map.of(Labels.PROJECT, project, Labels.SERVICE, s), false).stream()
                .filter(c -> c.isRunning() && !"True".equals(c.label(Labels.ONEOFF)))
                .toList());
    }

    /** Lists the service's containers again next time: one started, stopped or went. */
    void forget(String service) {
        running.remove(service);
    }

    /** The files of rule {@code rule} as they are now, each with its path in a container. */
    static List<CopiedFile> tree(WatchRules.Rule rule) {
        Path root = rule.filter().root();
        if (!Files.exists(root)) {
            return List.of();
        }
        List<CopiedFile> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(f -> rule.filter().relative(f)
                    .ifPresent(rel -> out.add(new CopiedFile(f, rule.target(rel)))));
        } catch (IOException | UncheckedIOException e) {
            // a file removed while walked: its deletion comes as an event
        }
        return out;
    }

    /** The files to copy for a change of {@code file}: it, or everything in it. */
    static List<CopiedFile> changed(WatchRules.Match m) {
        if (!Files.isDirectory(m.file())) {
            return List.of(new CopiedFile(m.file(), m.rule().target(m.relative())));
        }
        List<CopiedFile> out = new ArrayList<>();
        out.add(new CopiedFile(m.file(), m.rule().target(m.relative())));
        try (Stream<Path> walk = Files.walk(m.file())) {
            walk.filter(Files::isRegularFile).forEach(f -> m.rule().filter().relative(f)
                    .ifPresent(rel -> out.add(new CopiedFile(f, m.rule().target(rel)))));
        } catch (IOException | UncheckedIOException e) {
            // removed meanwhile
        }
        return out;
    }

    void copy(List<ContainerSummary> containers, List<CopiedFile> files) {
        if (files.isEmpty()) {
            return;
        }
        for (ContainerSummary c : containers) {
            try {
                engine.copyToContainer(c.id(), files);
            } catch (EngineException.NotFound e) {
                // removed since listed: its successor, if any, is caught up when it starts
                forget(c.label(Labels.SERVICE));
            }
        }
    }

    /** Deletes {@code paths} (recursively) in each running container. */
    void delete(List<ContainerSummary> containers, List<String> paths)
            throws InterruptedException {
        if (paths.isEmpty()) {
            return;
        }
        List<String> rm = new ArrayList<>(List.of("rm", "-rf", "--"));
        rm.addAll(paths);
        for (ContainerSummary c : containers) {
            run(c, rm, null, null, false, List.of());
        }
    }

    /** Runs a rule's {@code exec} command in each container. */
    void exec(List<ContainerSummary> containers, Hook hook) throws InterruptedException {
        List<String> env = hook.environment().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
        for (ContainerSummary c : containers) {
            run(c, hook.command(), hook.user(), hook.workingDir(),
                    Boolean.TRUE.equals(hook.privileged()), env);
        }
    }

    private void run(ContainerSummary c, List<String> command, String user, String dir,
            boolean privileged, List<String> env) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = engine.exec(new ExecSpec(c.id(), command, env, user, dir, false, privileged,
                false), new StreamIO(null, out, out));
        if (code != 0) {
            throw new EngineException("'" + String.join(" ", command) + "' exited with " + code
                    + " in " + c.name() + ": " + out.toString(StandardCharsets.UTF_8).strip());
        }
    }
}
