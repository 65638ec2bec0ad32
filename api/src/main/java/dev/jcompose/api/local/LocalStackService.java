package dev.jcompose.api.local;

import dev.jcompose.api.ProjectLoader;
import dev.jcompose.api.ProjectOptions;
import dev.jcompose.api.StackDeployOptions;
import dev.jcompose.api.StackService;
import dev.jcompose.api.SwarmService;
import dev.jcompose.api.SwarmStack;
import dev.jcompose.api.SwarmTask;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.swarm.DeployOptions;
import dev.jcompose.swarm.Stacks;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Stacks on the local target's engine, through the swarm module: the target hands in how to
 * reach its engine, asked for only by the calls that talk to the swarm.
 */
final class LocalStackService implements StackService {

    private final Supplier<Stacks> connect;
    private final ProgressListener progress;
    private final Consumer<Problem> warnings;
    private Stacks stacks;

    LocalStackService(Supplier<Stacks> connect, ProgressListener progress,
            Consumer<Problem> warnings) {
        this.connect = connect;
        this.progress = progress;
        this.warnings = warnings;
    }

    private synchronized Stacks stacks() {
        if (stacks == null) {
            stacks = connect.get();
        }
        return stacks;
    }

    @Override
    public Project load(String stack, ProjectOptions options, InputStream stdin) {
        ProjectOptions named = new ProjectOptions(options.files(), stack,
                options.projectDirectory(), options.envFiles(), options.profiles(),
                options.workingDir(), options.environment());
        return new ProjectLoader(named, warnings, stdin).load(List.of());
    }

    @Override
    public void deploy(Project project, StackDeployOptions options) throws InterruptedException {
        DeployOptions deploy = new DeployOptions(options.prune(), options.await(),
                options.waitTimeout());
        Failures.call(() -> {
            stacks().deploy(project, deploy, warnings, progress);
            return null;
        });
    }

    @Override
    public void validate(Project project) {
        Stacks.validate(project, warnings);
    }

    @Override
    public String specs(Project project) {
        return Failures.get(() -> Stacks.specs(project, warnings));
    }

    @Override
    public List<SwarmStack> list() {
        return Failures.get(() -> stacks().list().stream()
                .map(s -> new SwarmStack(s.name(), s.services())).toList());
    }

    @Override
    public List<SwarmService> services(String stack) {
        return Failures.get(() -> stacks().services(stack).stream()
                .map(s -> new SwarmService(s.id(), s.name(), s.mode(), s.replicas(), s.image(),
                        s.ports()))
                .toList());
    }

    @Override
    public List<SwarmTask> tasks(String stack) {
        return Failures.get(() -> stacks().tasks(stack).stream()
                .map(t -> new SwarmTask(t.id(), t.name(), t.image(), t.node(), t.desiredState(),
                        t.state(), t.since(), t.error(), t.ports()))
                .toList());
    }

    @Override
    public boolean remove(String stack, boolean detach) throws InterruptedException {
        return Failures.call(() -> stacks().remove(stack, detach, progress));
    }
}
