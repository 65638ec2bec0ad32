package dev.jcompose.planner;

import dev.jcompose.model.Project;
import dev.jcompose.model.tree.YamlPath;
import java.util.TreeSet;

/**
 * The desired state cannot be planned (an unknown service, a dependency cycle, a missing
 * external resource). Raised before anything is changed; the message is for users.
 */
public class PlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message);
    }

    /**
     * A problem with what the user wrote at {@code path}, found after loading: the message names
     * where it was written ({@code compose.yaml:9:7: services.web.pull_policy: ...}).
     */
    public static PlanException at(Project project, YamlPath path, String message) {
        return new PlanException(project.sources().error(path, message).toString());
    }

    /** As {@link #at(Project, YamlPath, String)}, for a key of service {@code service}. */
    public static PlanException at(Project project, String service, String key, String message) {
        YamlPath path = YamlPath.ROOT.key("services").key(service);
        for (String k : key.split("\\.")) {
            path = path.key(k);
        }
        return at(project, path, message);
    }

    /** "no such service: x (known: a, b)". */
    public static String unknownService(Project project, String name) {
        String hint = project.disabledServices().containsKey(name)
                ? "; it is disabled: activate one of its profiles "
                        + project.disabledServices().get(name).profiles()
                : "";
        return "no such service: " + name + hint + " (services: "
                + String.join(", ", new TreeSet<>(project.services().keySet())) + ")";
    }
}
