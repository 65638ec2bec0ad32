package dev.jcompose.planner.exec;

import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Does one step's action to the engine and reports it, for one plan: it keeps the ids of the
 * containers the plan creates (for the steps that start and rename them), the plan's
 * {@link ServiceReferences} and its {@link StopPacer}.
 *
 * <p>A recreate is four steps (create under a temporary name, stop, remove, rename) reported as
 * docker compose reports it: "Recreate" when the new container is created, "Recreated" when it
 * has its name; the old container's stop and removal report only their failures.
 */
final class StepRunner {

    private final Engine engine;
    private final ProgressListener progress;
    private final ImageSteps images;
    private final ContainerCreator creator;
    private final Hooks hooks;
    private final ServiceReferences references;
    private final StopPacer pacer;
    /** Ids of the containers this plan creates, by their name. */
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    /** The containers this plan replaces: their stop and removal are part of a recreate. */
    private final Set<String> replaced;

    StepRunner(Engine engine, ProgressListener progress, ImageSteps images,
            ContainerCreator creator, Hooks hooks, ServiceReferences references, StopPacer pacer,
            Plan plan) {
        this.engine = engine;
        this.progress = progress;
        this.images = images;
        this.creator = creator;
        this.hooks = hooks;
        this.references = references;
        this.pacer = pacer;
        this.replaced = plan.actions(Action.RenameContainer.class).stream()
                .map(Action.RenameContainer::replacedId).collect(Collectors.toSet());
    }

    /** Runs {@code action}; {@code chain} is the longest chain of steps from it (for pacing). */
    void perform(Action action, int chain) throws InterruptedException {
        String r = action.resource();
        switch (action) {
            case Action.PullImage p -> {
                images.pull(p);
                creator.imagesChanged();
            }
            case Action.BuildImage b -> {
                images.build(b);
                creator.imagesChanged();
            }
            case Action.PushImage p -> images.push(p);
            case Action.CreateNetwork n -> step(r, "Creating", "Created", () -> {
                try {
                    engine.createNetwork(n.spec());
                } catch (EngineException.Conflict e) {
                    // created meanwhile by another run: fine
                }
            });
            case Action.CreateVolume v ->
                    step(r, "Creating", "Created", () -> engine.createVolume(v.spec()));
            case Action.CreateContainer c -> {
                progress.on(ProgressEvent.working(r, c.replacing() ? "Recreate" : "Creating"));
                ids.put(c.spec().name(), creator.create(c.spec(), c.name(), references));
                if (!c.replacing()) {
                    progress.on(ProgressEvent.done(r, "Created"));
                }
            }
            case Action.RenameContainer c -> {
                String id = ids.getOrDefault(c.name(), c.temporaryName());
                engine.renameContainer(id, c.name());
                references.renamed(id, c.name());
                progress.on(ProgressEvent.done(r, "Recreated"));
            }
            case Action.StartContainer s -> {
                progress.on(ProgressEvent.working(r, "Starting"));
                String id = s.containerId() != null ? s.containerId() : ids.get(s.containerName());
                String container = id != null ? id : s.containerName();
                engine.startContainer(container);
                references.started(container);
                hooks.postStart(container, s.service(), s.containerName(), s.postStart());
                progress.on(ProgressEvent.done(r, "Started"));
            }
            case Action.DisconnectNetwork d ->
                    step(r, "Disconnecting", "Disconnected",
                            () -> engine.disconnectNetwork(d.containerId(), d.network()));
            case Action.ConnectNetwork c ->
                    step(r, "Connecting", "Connected",
                            () -> engine.connectNetwork(c.containerId(), c.attachment()));
            case Action.RunPreStartHooks h -> {
                for (int k = 0; k < h.hooks().size(); k++) {
                    hooks.preStart(h.service(), h.indexes().get(k), h.hooks().get(k),
                            spec -> creator.create(spec, spec.name(), references));
                }
            }
            case Action.StopContainer s -> stop(s, chain, replaced.contains(s.containerId())
                    ? errorsOnly() : progress);
            case Action.KillContainer k -> step(r, "Killing", "Killed", () -> {
                engine.killContainer(k.containerId(), k.signal());
                references.stopped(k.containerId());
            });
            case Action.PauseContainer p ->
                    step(r, "Pausing", "Paused", () -> engine.pauseContainer(p.containerId()));
            case Action.UnpauseContainer u ->
                    step(r, "Unpausing", "Unpaused",
                            () -> engine.unpauseContainer(u.containerId()));
            case Action.RemoveContainer c -> {
                remove(r, replaced.contains(c.containerId()) ? errorsOnly() : progress,
                        () -> engine.removeContainer(c.containerId(), true, c.removeVolumes()));
                references.removed(c.containerId());
            }
            case Action.RemoveNetwork n ->
                    remove(r, progress, () -> engine.removeNetwork(n.name()));
            case Action.RemoveVolume v -> remove(r, progress, () -> engine.removeVolume(v.name()));
            case Action.RemoveImage i -> {
                remove(r, progress, () -> engine.removeImage(i.image()));
                creator.imagesChanged();
            }
            case Action.AwaitService a -> throw new IllegalStateException("awaits run unlocked");
        }
    }

    /**
     * Stops a container: its pre_stop hooks run in it first, then the stop request goes when the
     * pacer lets it. A failing hook does not keep the container running, but the step fails
     * (as docker compose's command does) and what waits on this stop is not done.
     */
    private void stop(Action.StopContainer s, int chain, ProgressListener report)
            throws InterruptedException {
        String r = s.resource();
        report.on(ProgressEvent.working(r, "Stopping"));
        String failed = hooks.preStop(s.containerId(), s.service(), s.containerName(),
                s.preStop());
        pacer.beforeStop(s.containerId(), chain);
        try {
            engine.stopContainer(s.containerId(), s.timeout());
        } finally {
            pacer.exited(s.containerId());
        }
        references.stopped(s.containerId());
        if (failed != null) {
            report.on(ProgressEvent.error(r, "Error", failed));
            throw new EngineException(failed);
        }
        report.on(ProgressEvent.done(r, "Stopped"));
    }

    /** Does {@code action} to {@code resource}, reported as {@code working}, then {@code done}. */
    private void step(String resource, String working, String done, Runnable action) {
        progress.on(ProgressEvent.working(resource, working));
        action.run();
        progress.on(ProgressEvent.done(resource, done));
    }

    /** Removes a resource (one already gone counts as removed) and reports it. */
    private static void remove(String resource, ProgressListener report, Runnable removal) {
        report.on(ProgressEvent.working(resource, "Removing"));
        try {
            removal.run();
        } catch (EngineException.NotFound e) {
            // already gone
        }
        report.on(ProgressEvent.done(resource, "Removed"));
    }

    /** The progress listener, told only of warnings and errors. */
    private ProgressListener errorsOnly() {
        return e -> {
            if (e.status() == ProgressEvent.Status.ERROR
                    || e.status() == ProgressEvent.Status.WARNING) {
                progress.on(e);
            }
        };
    }
}
