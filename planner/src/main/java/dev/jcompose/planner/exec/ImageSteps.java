package dev.jcompose.planner.exec;

import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ImageProgress;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.util.List;
import java.util.Set;

/**
 * Runs the image steps of a plan (pull, build, push) and turns the engine's progress into
 * progress events: per layer for pulls and pushes (the layer's id, with the image as parent and
 * bytes done of total), per output line for builds. Failures name the services concerned.
 */
final class ImageSteps {

    /** Layer statuses after which the layer has nothing left to do. */
    private static final Set<String> LAYER_DONE = Set.of("pull complete", "already exists",
            "download complete", "pushed", "layer already exists", "mounted from");

    private final Engine engine;
    private final ProgressListener progress;

    ImageSteps(Engine engine, ProgressListener progress) {
        this.engine = engine;
        this.progress = progress;
    }

    void pull(Action.PullImage p) {
        String r = p.resource();
        progress.on(ProgressEvent.working(r, "Pulling"));
        try {
            engine.pullImage(p.image(), layers(r));
        } catch (EngineException.ImageFailure e) {
            String reason = forServices(p.services()) + e.getMessage();
            if (p.mayFail()) {
                progress.on(ProgressEvent.warning(r, "Pull failed", reason));
                return;
            }
            throw new EngineException.ImageFailure(reason);
        }
        progress.on(ProgressEvent.done(r, "Pulled"));
    }

    void build(Action.BuildImage b) {
        String r = b.resource();
        String image = b.spec().tags().get(0);
        if (b.onlyIfMissing() && engine.imageId(image).isPresent()) {
            progress.on(ProgressEvent.done(r, "Pulled, not built"));
            return;
        }
        progress.on(ProgressEvent.working(r, "Building"));
        try {
            engine.buildImage(b.spec(), (id, line, current, total) -> progress.on(
                    new ProgressEvent(r, ProgressEvent.Status.WORKING, "Building", line,
                            current, total, null)));
        } catch (EngineException.BuildFailure e) {
            throw new EngineException.BuildFailure("service " + b.service() + ": "
                    + e.getMessage(), e.step(), e.exitCode(), e.output());
        } catch (EngineException.Unavailable e) {
            throw e;
        } catch (EngineException e) {
            throw new EngineException.BuildFailure("service " + b.service() + ": "
                    + e.getMessage(), null, -1, List.of());
        }
        progress.on(ProgressEvent.done(r, "Built"));
    }

    void push(Action.PushImage p) {
        String r = p.resource();
        progress.on(ProgressEvent.working(r, "Pushing"));
        try {
            engine.pushImage(p.image(), layers(r));
        } catch (EngineException.ImageFailure | EngineException.NotFound e) {
            String reason = forServices(p.services()) + e.getMessage();
            if (p.mayFail()) {
                progress.on(ProgressEvent.warning(r, "Push failed", reason));
                return;
            }
            throw new EngineException.ImageFailure(reason);
        }
        progress.on(ProgressEvent.done(r, "Pushed"));
    }

    private static String forServices(List<String> services) {
        if (services.isEmpty()) {
            return "";
        }
        return (services.size() == 1 ? "service " : "services ") + String.join(", ", services)
                + ": ";
    }

    /** Per-layer progress: the layer is the resource, the image its parent. */
    private ImageProgress layers(String image) {
        return (id, status, current, total) -> {
            if (id == null || id.isEmpty()) {
                return;
            }
            boolean done = LAYER_DONE.stream().anyMatch(s -> status.toLowerCase().startsWith(s));
            progress.on(new ProgressEvent(id, done ? ProgressEvent.Status.DONE
                    : ProgressEvent.Status.WORKING, status, "", done ? total : current, total,
                    image));
        };
    }
}
