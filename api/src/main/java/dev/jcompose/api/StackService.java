package dev.jcompose.api;

import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.runtime.DockerApi;
import dev.jcompose.runtime.DockerEngine;
import dev.jcompose.runtime.DockerHosts;
import dev.jcompose.swarm.DeployOptions;
import dev.jcompose.swarm.StackException;
import dev.jcompose.swarm.StackServiceInfo;
import dev.jcompose.swarm.StackSummary;
import dev.jcompose.swarm.StackTask;
import dev.jcompose.swarm.Stacks;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Compose projects as Docker Swarm stacks, one method per {@code stack} command: deploy, ls, ps,
 * services, rm, config. A stack is named like {@code docker stack} names it ({@code NAME_web},
 * {@code com.docker.stack.namespace=NAME}), so both tools see the same stacks. The engine is the
 * one {@code DOCKER_HOST} names (a swarm manager). Failures are {@link ComposeException}s with a
 * message for users; problems in the files are {@link dev.jcompose.model.ComposeFileException}s
 * with file:line:col.
 */
public final class StackService {

    private final Stacks stacks;
    private final Consumer<Problem> warnings;

    /**
     * @param env      the environment ({@code DOCKER_HOST}, registry settings)
     * @param warnings receives warnings about the files, all of them before a deploy starts
     */
    public StackService(Map<String, String> env, Consumer<Problem> warnings) {
        this.stacks = Stacks.on(DockerApi.of(DockerEngine.at(DockerHosts.resolve(env), env)));
        this.warnings = warnings;
    }

    /**
     * The project {@code options} describe, named {@code stack}: variables from the
     * environment, then the {@code --env-file} files or the project's {@code .env}.
     */
    public Project load(String stack, ProjectOptions options, InputStream stdin) {
        ProjectOptions named = new ProjectOptions(options.files(), stack,
                options.projectDirectory(), options.envFiles(), options.profiles(),
                options.workingDir(), options.environment());
        return new ProjectLoader(named, warnings, stdin).load(List.of());
    }

    /** Deploys {@code project} as the stack of its name (see {@link #load}). */
    public void deploy(Project project, DeployOptions options, ProgressListener progress)
            throws InterruptedException {
        waiting(() -> {
            stacks.deploy(project, options, warnings, progress);
            return null;
        });
    }

    /**
     * Checks {@code project} as a deploy does, before anything: its warnings go to the warning
     * consumer; what makes a deploy impossible is thrown.
     *
     * @throws dev.jcompose.model.ComposeFileException with each such problem's file:line:col
     */
    public void validate(Project project) {
        List<Problem> problems = Stacks.check(project);
        problems.stream().filter(p -> !p.isError()).forEach(warnings);
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new dev.jcompose.model.ComposeFileException(errors);
        }
    }

    /** The swarm specs a deploy of {@code project} would send, as JSON. */
    public String specs(Project project) {
        return run(() -> Stacks.specs(project, warnings));
    }

    public List<StackSummary> list() {
        return run(stacks::list);
    }

    public List<StackServiceInfo> services(String stack) {
        return run(() -> stacks.services(stack));
    }

    public List<StackTask> tasks(String stack) {
        return run(() -> stacks.tasks(stack));
    }

    /**
     * Removes the stack's services, secrets, configs and networks; unless {@code detach}, waits
     * until its tasks have ended. False when nothing of the stack was found.
     */
    public boolean remove(String stack, boolean detach, ProgressListener progress)
            throws InterruptedException {
        return waiting(() -> stacks.remove(stack, detach, progress));
    }

    /** A call whose result may take a wait. */
    @FunctionalInterface
    private interface Call<T> {
        T get() throws InterruptedException;
    }

    private static <T> T waiting(Call<T> call) throws InterruptedException {
        try {
            return call.get();
        } catch (StackException e) {
            throw new ComposeException(e.getMessage(), e);
        }
    }

    private static <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (StackException e) {
            throw new ComposeException(e.getMessage(), e);
        }
    }
}
