package dev.jcompose.junit5;

import dev.jcompose.api.Compose;
import dev.jcompose.api.ComposeProject;
import dev.jcompose.api.ComposeProjectBuilder;
import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.Down;
import dev.jcompose.api.LogEntry;
import dev.jcompose.api.LogsOptions;
import dev.jcompose.api.Up;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stack the extension started: the project handle, and the shutdown hook that removes it if
 * the JVM exits before the tests end. Closing it removes the stack, once.
 */
final class RunningStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningStack.class);

    private final StackConfig config;
    private final ComposeProject project;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RunningStack(StackConfig config, ComposeProject project) {
        this.config = config;
        this.project = project;
        this.shutdownHook = new Thread(this::downOnExit, "jcompose-down-" + project.name());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a stack under a fresh project name. When the start fails, the containers' logs are
     * written to {@code startupLogs} and everything created is removed before the failure is
     * rethrown.
     */
    static RunningStack start(StackConfig config, Path startupLogs) {
        ComposeProjectBuilder builder = Compose.project(config.files())
                .projectName(config.randomProjectName())
                .env(config.env())
                .profiles(config.profiles().toArray(String[]::new))
                .downOnClose(down(config));
        config.envFiles().forEach(builder::envFile);
        ComposeProject project = builder.build();
        RunningStack stack = new RunningStack(config, project);
        try {
            Up up = Up.options().withServices(config.services().toArray(String[]::new));
            if (config.build()) {
                up = up.withBuild();
            }
            if (config.waitTimeout() != null) {
                up = up.withWait(config.waitTimeout());
            }
            LOG.info("starting compose stack {} ({})", project.name(), config);
            project.up(up);
            return stack;
        } catch (RuntimeException | Error e) {
            try {
                Path written = stack.writeLogs(startupLogs);
                LOG.error("compose stack {} failed to start; container logs are in {}",
                        project.name(), written);
            } catch (RuntimeException logFailure) {
                e.addSuppressed(logFailure);
            }
            try {
                stack.close();
            } catch (RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    private static Down down(StackConfig config) {
        Down down = Down.options().withRemoveOrphans().withStopTimeout(config.stopTimeout())
                .withImages("local");
        return config.removeVolumes() ? down.withVolumes() : down;
    }

    StackConfig config() {
        return config;
    }

    ComposeProject project() {
        return project;
    }

    /**
     * Writes each container's log to {@code dir/<container>.log} (with the engine's timestamps)
     * and the containers' states to {@code dir/containers.txt}.
     *
     * @return {@code dir}
     */
    Path writeLogs(Path dir) {
        try {
            Files.createDirectories(dir);
            List<ContainerInfo> containers = project.ps();
            List<String> states = new ArrayList<>();
            for (ContainerInfo c : containers) {
                states.add(c.name() + "  " + c.service() + "  " + c.status() + "  " + c.ports());
            }
            Files.write(dir.resolve("containers.txt"), states, StandardCharsets.UTF_8);
            Map<String, BufferedWriter> files = new LinkedHashMap<>();
            try {
                for (ContainerInfo c : containers) {
                    files.put(c.name(), Files.newBufferedWriter(dir.resolve(c.name() + ".log"),
                            StandardCharsets.UTF_8));
                }
                project.logs(new LogsOptions(List.of(), false, -1, null, null, true),
                        e -> write(files, e));
            } finally {
                for (BufferedWriter w : files.values()) {
                    w.close();
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the logs of " + project.name() + " to "
                    + dir, e);
        }
    }

    private static void write(Map<String, BufferedWriter> files, LogEntry e) {
        synchronized (files) {
            BufferedWriter w = files.get(e.container());
            if (w == null) {
                return;
            }
            try {
                if (e.timestamp() != null) {
                    w.write(e.timestamp().toString());
                    w.write(' ');
                }
                w.write(e.stderr() ? "err " : "out ");
                w.write(e.text());
                w.newLine();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** Removes the stack (containers, networks, volumes unless kept), once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it finds the stack closed
            }
            LOG.info("removing compose stack {}", project.name());
            project.close();
        }
    }

    private void downOnExit() {
        if (closed.compareAndSet(false, true)) {
            try {
                project.close();
            } catch (RuntimeException e) {
                System.err.println("jcompose: could not remove compose stack " + project.name()
                        + " on exit: " + e.getMessage());
            }
        }
    }
}
