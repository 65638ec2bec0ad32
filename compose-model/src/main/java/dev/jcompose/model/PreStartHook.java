package dev.jcompose.model;

import java.util.List;
import java.util.Map;

/**
 * A {@code pre_start} hook: a one-off container run to completion before the service's
 * containers first start. Unset {@code image}, {@code user} and {@code working_dir} come from
 * the service; {@code environment} adds to the service's.
 */
public record PreStartHook(
        String image,
        List<String> command,
        String user,
        Boolean privileged,
        String workingDir,
        Map<String, String> environment,
        Boolean perReplica,
        @Yaml.Extensions Map<String, Object> extensions) {

    public PreStartHook {
        command = Coll.listOrNull(command);
        environment = Coll.map(environment);
        extensions = Coll.map(extensions);
    }

    public boolean runsPerReplica() {
        return perReplica != null && perReplica;
    }
}
