package dev.jcompose.api;

import dev.jcompose.model.Project;
import java.io.InputStream;
import java.util.List;

/**
 * Compose projects as Docker Swarm stacks on a target's engine (a swarm manager), one method
 * per {@code stack} command: deploy, ls, ps, services, rm, config. A stack is named as
 * {@code docker stack} names it ({@code NAME_web}, {@code com.docker.stack.namespace=NAME}), so
 * both tools see the same stacks. Made by {@link ComposeTarget#stacks}; the engine is the
 * target's, connected to by the first call that needs it (loading, checking and printing specs
 * need none). Failures are {@link ComposeException}s with a message for users; problems in the
 * files are {@link dev.jcompose.model.ComposeFileException}s with file:line:col.
 */
public interface StackService {

    /**
     * The project {@code options} describe, named {@code stack}: variables from the
     * environment, then the {@code --env-file} files or the project's {@code .env}.
     */
    Project load(String stack, ProjectOptions options, InputStream stdin);

    /**
     * Deploys {@code project} as the stack of its name (see {@link #load}): every warning about
     * the files first, then nothing created when one of them makes the deploy impossible.
     */
    void deploy(Project project, StackDeployOptions options) throws InterruptedException;

    /**
     * Checks {@code project} as a deploy does, before anything: warnings go to the service's
     * warning consumer; what makes a deploy impossible is thrown.
     *
     * @throws dev.jcompose.model.ComposeFileException with each such problem's file:line:col
     */
    void validate(Project project);

    /** The swarm specs a deploy of {@code project} would send, as JSON, after the check. */
    String specs(Project project);

    /** The stacks on the swarm. */
    List<SwarmStack> list();

    /** The services of {@code stack}. */
    List<SwarmService> services(String stack);

    /** The tasks of {@code stack}. */
    List<SwarmTask> tasks(String stack);

    /**
     * Removes the stack's services, secrets, configs and networks; unless {@code detach}, waits
     * until its tasks have ended. False when nothing of the stack was found.
     */
    boolean remove(String stack, boolean detach) throws InterruptedException;
}
