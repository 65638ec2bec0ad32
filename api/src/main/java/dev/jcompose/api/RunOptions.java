package dev.jcompose.api;

import java.util.List;
import java.util.Map;

/**
 * A one-off container of a service ({@code run}).
 *
 * @param service      the service it is made from
 * @param command      the command (null or empty: the service's)
 * @param entrypoint   the entrypoint (null: the service's)
 * @param env          variables added to the service's environment
 * @param name         the container's name (null: {@code project-service-run-<hex>})
 * @param user         run as (null: the service's)
 * @param workingDir   in (null: the service's)
 * @param noDeps       do not start the services it depends on
 * @param servicePorts publish the service's ports (by default a one-off publishes none)
 * @param remove       remove the container after it exits
 * @param detach       start it and return at once
 * @param tty          with a pseudo-terminal and stdin kept open (interactive use)
 * @param publish      ports to publish, in the short syntax ({@code 8080:80}), besides the
 *                     service's when {@code servicePorts}
 * @param volumes      volumes to mount besides the service's, in the short syntax
 *                     ({@code ./data:/data:ro}, {@code name:/cache}); a relative path is the
 *                     project directory's
 */
public record RunOptions(String service, List<String> command, List<String> entrypoint,
        Map<String, String> env, String name, String user, String workingDir, boolean noDeps,
        boolean servicePorts, boolean remove, boolean detach, boolean tty,
        List<String> publish, List<String> volumes) {

    public RunOptions {
        command = command == null ? List.of() : List.copyOf(command);
        env = Map.copyOf(env);
        publish = publish == null ? List.of() : List.copyOf(publish);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    public RunOptions(String service, List<String> command, List<String> entrypoint,
            Map<String, String> env, String name, String user, String workingDir,
            boolean noDeps, boolean servicePorts, boolean remove, boolean detach, boolean tty,
            List<String> publish) {
        this(service, command, entrypoint, env, name, user, workingDir, noDeps, servicePorts,
                remove, detach, tty, publish, List.of());
    }

    public RunOptions(String service, List<String> command, List<String> entrypoint,
            Map<String, String> env, String name, String user, String workingDir,
            boolean noDeps, boolean servicePorts, boolean remove, boolean detach, boolean tty) {
        this(service, command, entrypoint, env, name, user, workingDir, noDeps, servicePorts,
                remove, detach, tty, List.of());
    }
}
