package dev.jcompose.model;

import java.util.List;
import java.util.Map;

/** A lifecycle hook ({@code post_start}, {@code pre_stop}). */
public record Hook(List<String> command, String user, Boolean privileged, String workingDir,
        Map<String, String> environment) {

    public Hook {
        command = Coll.list(command);
        environment = Coll.map(environment);
    }
}
