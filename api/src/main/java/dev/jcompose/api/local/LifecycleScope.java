package dev.jcompose.api.local;

import dev.jcompose.api.LifecycleCommand;
import dev.jcompose.model.DependsOn;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSummary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which services and containers a {@link LifecycleCommand} acts on, as compose v2 widens or
 * narrows them: {@code restart SERVICE} also restarts the services that depend on it with
 * {@code restart: true} (transitively; links and shared namespaces imply it, as compose-go
 * writes them) unless {@code --no-deps}; {@code kill} leaves the
 * containers of services the files no longer declare unless {@code --remove-orphans}.
 */
final class LifecycleScope {

    private LifecycleScope() {
    }

    /** The services named, with their restarting dependents for a restart without no-deps. */
    static List<String> services(Project project, LifecycleCommand command) {
        if (command.kind() != LifecycleCommand.Kind.RESTART || command.noDeps()
                || command.services().isEmpty() || project == null) {
            return command.services();
        }
        Set<String> out = new LinkedHashSet<>(command.services());
        Deque<String> todo = new ArrayDeque<>(command.services());
        while (!todo.isEmpty()) {
            String dependency = todo.pop();
            for (Service s : project.services().values()) {
                if (restartsWith(s, dependency) && out.add(s.name())) {
                    todo.push(s.name());
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Whether {@code s} is restarted with {@code dependency}: its depends_on says
     * {@code restart: true}, declared or implied (the loader writes a link to it, or its
     * network, IPC or PID namespace shared with {@code service:dependency}, into depends_on as
     * compose-go does).
     */
    private static boolean restartsWith(Service s, String dependency) {
        DependsOn edge = s.dependsOn().get(dependency);
        return edge != null && edge.restartsWithDependency();
    }

    /**
     * The containers a kill acts on, as compose v2's: the services' one-off containers too, and
     * without remove-orphans only the declared services' (with the files at hand).
     */
    static List<ContainerSummary> killed(Project project, LifecycleCommand command,
            List<ContainerSummary> selected, List<ContainerSummary> existing) {
        if (command.kind() != LifecycleCommand.Kind.KILL) {
            return selected;
        }
        List<ContainerSummary> out = new ArrayList<>(selected);
        existing.stream()
                .filter(c -> "True".equals(c.label(Labels.ONEOFF)))
                .filter(c -> command.services().isEmpty()
                        || command.services().contains(c.label(Labels.SERVICE)))
                .forEach(out::add);
        if (command.orphans() || project == null) {
            return out;
        }
        Map<String, Service> declared = project.services();
        return out.stream()
                .filter(c -> declared.containsKey(c.label(Labels.SERVICE)))
                .toList();
    }
}
