package dev.jcompose.api.local;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.load.KeyPositions;
import dev.jcompose.planner.DependencyGraph;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.runtime.EngineIdentity;
import dev.jcompose.runtime.EngineRequirements;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses, before anything is pulled or created, the keys the engine cannot honour for the
 * services a command will create ({@link EngineRequirements}: {@code start_interval} before
 * Docker Engine 25, ...), each at its {@code file:line:col} with the engine and its API version
 * named. compose v2 refuses the same keys, but only once the project's networks exist. The
 * engine is asked its version only when a service uses such a key.
 */
final class EngineGate {

    private EngineGate() {
    }

    /**
     * Checks {@code selected} (every service when empty) and, unless {@code noDeps}, the
     * services they depend on.
     */
    static void check(Engine engine, Project project, Collection<String> selected,
            boolean noDeps) {
        List<Service> asking = services(project, selected, noDeps).stream()
                .map(project.services()::get)
                .filter(s -> s != null && EngineRequirements.asksMuch(s)).toList();
        if (asking.isEmpty()) {
            return;
        }
        EngineIdentity identity = EngineIdentity.of(engine.info());
        List<Problem> problems = new ArrayList<>();
        for (Service s : asking) {
            for (EngineRequirements.Unmet u : EngineRequirements.of(s, identity)) {
                problems.add(Problem.error(KeyPositions.find(project.configFiles(), u.path()),
                        u.path(), u.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ComposeFileException(problems);
        }
    }

    private static Set<String> services(Project project, Collection<String> selected,
            boolean noDeps) {
        if (selected.isEmpty()) {
            return project.services().keySet();
        }
        Set<String> out = new LinkedHashSet<>(selected);
        if (!noDeps) {
            DependencyGraph graph = DependencyGraph.of(project);
            for (String s : selected) {
                if (graph.services().contains(s)) {
                    out.addAll(graph.transitiveDependencies(s));
                }
            }
        }
        return out;
    }
}
