package dev.jcompose.api;

import dev.jcompose.model.Project;
import dev.jcompose.planner.engine.StreamIO;
import dev.jcompose.planner.plan.Plan;
import java.util.List;
import java.util.function.Consumer;

/**
 * Compose's operations, one method per command. Each takes the project (or, where the files are
 * not needed, just its name) and an options record. Progress is reported to the listener the
 * service was built with. Failures are thrown as {@link ComposeException} (user-facing message),
 * {@link dev.jcompose.model.ComposeFileException} (bad files) or
 * {@link dev.jcompose.planner.engine.EngineException} (the engine refused).
 */
public interface ComposeService {

    /**
     * Creates and starts the project's containers, converging what exists.
     *
     * @return the plan that was executed (or, with {@code dryRun}, only planned)
     */
    Plan up(Project project, UpOptions options) throws InterruptedException;

    /**
     * Stops and removes the project's containers and networks (and volumes when asked).
     *
     * @param project the model, or null to act on the labels of {@code projectName} alone
     */
    Plan down(String projectName, Project project, DownOptions options)
            throws InterruptedException;

    /** The project's containers, ordered by service and replica number. */
    List<ContainerInfo> ps(String projectName, PsOptions options);

    /**
     * Runs a one-off container of a service (labelled {@code oneoff=True}; {@code down} removes
     * it), after its dependencies, streaming its output to {@code io}.
     *
     * @return the container's exit code (0 when detached)
     */
    int run(Project project, RunOptions options, StreamIO io) throws InterruptedException;

    /**
     * Runs a command in a running container of a service, streaming its output.
     *
     * @return the command's exit code
     */
    int exec(String projectName, ExecOptions options, StreamIO io) throws InterruptedException;

    /**
     * start, stop, restart, kill, pause, unpause or rm on the project's existing containers.
     *
     * @param project the model, or null to work from the engine's labels alone
     * @return the plan run (or, with {@code dryRun}, the plan that would run)
     */
    Plan lifecycle(String projectName, Project project, LifecycleCommand command)
            throws InterruptedException;

    /** Writes the project's container logs to {@code sink}; returns when done (or interrupted). */
    void logs(String projectName, LogsOptions options, Consumer<LogEntry> sink)
            throws InterruptedException;

    // --- images (issue 5) -------------------------------------------------------------------

    /**
     * Builds the images of the named services (or all) that have a build section, each tagged
     * {@code project-service} or its {@code image:}, and its {@code build.tags}.
     *
     * @return the plan that was executed (or, with {@code dryRun}, only planned)
     */
    Plan build(Project project, BuildOptions options) throws InterruptedException;

    /** Pulls the images of the named services (or all), each distinct image once. */
    Plan pull(Project project, PullOptions options) throws InterruptedException;

    /** Pushes the images of the named services (or all) that build an image named by image:. */
    Plan push(Project project, PushOptions options) throws InterruptedException;
}
