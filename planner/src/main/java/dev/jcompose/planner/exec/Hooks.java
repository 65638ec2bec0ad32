package dev.jcompose.planner.exec;

import dev.jcompose.model.Hook;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ExecSpec;
import dev.jcompose.planner.engine.LogOptions;
import dev.jcompose.planner.engine.StreamIO;
import dev.jcompose.planner.engine.Subscription;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a service's lifecycle hooks: {@code post_start} and {@code pre_stop} in its running
 * container, their output sent to a {@link HookOutput}; {@code pre_start} as one-off containers
 * run to completion.
 */
final class Hooks {

    private final Engine engine;
    private final ProgressListener progress;
    private final HookOutput output;

    Hooks(Engine engine, ProgressListener progress, HookOutput output) {
        this.engine = engine;
        this.progress = progress;
        this.output = output;
    }

    /** Runs the post_start hooks in a started container; a non-zero exit fails the start. */
    void postStart(String containerId, String service, String containerName, List<Hook> hooks) {
        for (Hook hook : hooks) {
            int code = exec(containerId, service, containerName, hook);
            if (code != 0) {
                throw new EngineException("post_start: " + service + " hook exited with status "
                        + code + " in " + containerName);
            }
        }
    }

    /**
     * Runs every pre_stop hook in a container about to stop; returns why the first failing one
     * failed, or null. A failing hook does not keep the container running.
     */
    String preStop(String containerId, String service, String containerName, List<Hook> hooks) {
        String failed = null;
        for (Hook hook : hooks) {
            int code = exec(containerId, service, containerName, hook);
            if (code != 0 && failed == null) {
                failed = "pre_stop: " + service + " hook exited with status " + code + " in "
                        + containerName;
            }
        }
        return failed;
    }

    /** Runs a lifecycle hook in a running container; returns its exit code. */
    private int exec(String containerId, String service, String containerName, Hook hook) {
        List<String> env = new ArrayList<>();
        hook.environment().forEach((k, v) -> env.add(v == null ? k : k + "=" + v));
        try (OutputStream out = output.stream(service, containerName, false);
                OutputStream err = output.stream(service, containerName, true)) {
            return engine.exec(new ExecSpec(containerId, hook.command(), env, hook.user(),
                    hook.workingDir(), false, Boolean.TRUE.equals(hook.privileged()), false),
                    new StreamIO(InputStream.nullInputStream(), out, err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while running a hook in " + containerId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs one pre_start hook: its container is created ({@code create} gives its id), run to
     * completion and removed; a non-zero exit fails with the end of its output.
     */
    void preStart(String service, int index, ContainerSpec spec,
            Function<ContainerSpec, String> create) {
        String r = "Container " + spec.name();
        progress.on(ProgressEvent.working(r, "Running pre_start[" + index + "]"));
        // a leftover of an interrupted run has the same name
        engine.inspectContainer(spec.name())
                .ifPresent(c -> engine.removeContainer(c.id(), true, true));
        String id = create.apply(spec);
        try {
            engine.startContainer(id);
            int code = engine.waitContainer(id);
            if (code != 0) {
                String tail = outputTail(id, 5);
                String text = "service \"" + service + "\" pre_start[" + index
                        + "] failed with exit code " + code + (tail.isEmpty() ? "" : ": " + tail);
                progress.on(ProgressEvent.error(r, "Error", text));
                throw new EngineException(text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while running pre_start[" + index
                    + "] of service " + service);
        } finally {
            try {
                engine.removeContainer(id, true, true);
            } catch (EngineException e) {
                // gone already, or the engine refuses: the next run replaces it by name
            }
        }
        progress.on(ProgressEvent.done(r, "Completed"));
    }

    /** The last {@code lines} lines a stopped container wrote, joined by " | ". */
    private String outputTail(String id, int lines) throws InterruptedException {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (Subscription logs = engine.logs(id, new LogOptions(false, lines, null, null, false),
                line -> out.add(line.text().strip()))) {
            logs.awaitCompletion();
        } catch (EngineException e) {
            return "";
        }
        return String.join(" | ", out.stream().filter(l -> !l.isEmpty()).toList());
    }
}
