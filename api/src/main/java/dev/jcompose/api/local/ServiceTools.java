package dev.jcompose.api.local;

import dev.jcompose.api.AttachOptions;
import dev.jcompose.api.AttachResult;
import dev.jcompose.api.AttachSession;
import dev.jcompose.api.CommitOptions;
import dev.jcompose.api.ComposeException;
import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.ExportOptions;
import dev.jcompose.api.ProcessStreams;
import dev.jcompose.planner.engine.CommitSpec;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.StreamIO;
import dev.jcompose.planner.engine.Subscription;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/** {@code export}, {@code commit} and {@code attach}: one container of a service each. */
final class ServiceTools {

    private final Engine engine;
    private final ServiceContainers containers;
    private final ProgressListener progress;

    ServiceTools(Engine engine, ServiceContainers containers, ProgressListener progress) {
        this.engine = engine;
        this.containers = containers;
        this.progress = progress;
    }

    void export(String projectName, ExportOptions options, OutputStream out) {
        ContainerInfo c = containers.specified(projectName, options.service(), options.index(),
                true);
        String resource = "Container " + c.name();
        progress.on(ProgressEvent.working(resource, "Exporting"));
        try (InputStream tar = engine.tools().export(c.id())) {
            tar.transferTo(out);
            out.flush();
        } catch (IOException e) {
            throw new ComposeException("exporting " + c.name() + " failed: " + e.getMessage(),
                    e);
        }
        progress.on(ProgressEvent.done(resource, "Exported"));
    }

    String commit(String projectName, CommitOptions options) {
        ContainerInfo c = containers.specified(projectName, options.service(), options.index(),
                true);
        String resource = "Container " + c.name();
        progress.on(ProgressEvent.working(resource, "Committing"));
        if (options.dryRun()) {
            progress.on(ProgressEvent.done(resource, "Committed"));
            return "";
        }
        String id = engine.tools().commit(c.id(), new CommitSpec(options.reference(),
                options.comment(), options.author(), options.changes(), options.pause()));
        progress.on(ProgressEvent.done(resource, "Committed as " + id));
        return id;
    }

    AttachSession attach(String projectName, AttachOptions options, ProcessStreams io) {
        byte[] keys = DetachKeys.parse(options.detachKeys() == null
                ? AttachOptions.DEFAULT_DETACH_KEYS : options.detachKeys());
        ContainerInfo c = containers.specified(projectName, options.service(), options.index(),
                false);
        DetachKeys.Watching in = options.stdin() && io.stdin() != null
                ? new DetachKeys.Watching(io.stdin(), keys) : null;
        CountDownLatch ended = in != null ? in.detached() : new CountDownLatch(1);
        Subscription s = engine.attach(c.id(), new StreamIO(in, io.stdout(), io.stderr()));
        Thread.ofPlatform().daemon().name("jcompose-attach").start(() -> {
            try {
                s.awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended.countDown();
        });
        return new AttachSession() {
            private volatile boolean closed;

            @Override
            public String container() {
                return c.name();
            }

            @Override
            public void signal(String signal) {
                engine.killContainer(c.id(), signal);
            }

            @Override
            public AttachResult await() throws InterruptedException {
                ended.await();
                boolean detached = closed || in != null && in.detachedByKeys();
                if (detached) {
                    close();
                    return new AttachResult(c.name(), true, 0);
                }
                int code = engine.waitContainer(c.id());
                close();
                return new AttachResult(c.name(), false, code);
            }

            @Override
            public void close() {
                closed = true;
                s.close();
                if (in != null) {
                    in.close();
                }
                ended.countDown();
            }
        };
    }
}
