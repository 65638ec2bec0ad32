package dev.jcompose.planner;

import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.alg.cycle.HawickJamesSimpleCycles;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Which service needs which: {@code depends_on}, {@code links}, {@code network_mode: service:x},
 * {@code volumes_from}, {@code ipc}/{@code pid: service:x}. Edges point from a service to what it
 * needs. Cycles are refused with the cycle printed {@code a -> b -> a}.
 */
public final class DependencyGraph {

    /** The services form a cycle; the message prints it. */
    public static final class CycleException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> cycle;

        CycleException(List<String> cycle) {
            super("dependency cycle between services: " + String.join(" -> ", cycle));
            this.cycle = List.copyOf(cycle);
        }

        public List<String> cycle() {
            return cycle;
        }
    }

    private final Graph<String, DefaultEdge> graph;

    private DependencyGraph(Graph<String, DefaultEdge> graph) {
        this.graph = graph;
    }

    /**
     * The graph of a project's services.
     *
     * @throws CycleException when the services depend on each other in a cycle
     */
    public static DependencyGraph of(Project project) {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(null, DefaultEdge::new, false);
        project.services().keySet().forEach(g::addVertex);
        for (Service s : project.services().values()) {
            for (String dep : dependenciesOf(s)) {
                if (g.containsVertex(dep) && !dep.equals(s.name())) {
                    g.addEdge(s.name(), dep);
                } else if (dep.equals(s.name())) {
                    throw new CycleException(List.of(dep, dep));
                }
            }
        }
        return checked(g);
    }

    /** A graph from service names to their dependencies (e.g. read back from labels). */
    public static DependencyGraph of(Map<String, ? extends Set<String>> dependencies) {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(null, DefaultEdge::new, false);
        dependencies.keySet().forEach(g::addVertex);
        dependencies.forEach((s, deps) -> deps.forEach(d -> {
            if (g.containsVertex(d) && !d.equals(s)) {
                g.addEdge(s, d);
            }
        }));
        return checked(g);
    }

    private static DependencyGraph checked(Graph<String, DefaultEdge> g) {
        if (new CycleDetector<>(g).detectCycles()) {
            List<List<String>> cycles = new HawickJamesSimpleCycles<>(g).findSimpleCycles();
            List<String> cycle = cycles.stream().map(DependencyGraph::rotate)
                    .min((a, b) -> String.join(",", a).compareTo(String.join(",", b)))
                    .orElseThrow();
            List<String> printed = new ArrayList<>(cycle);
            printed.add(cycle.get(0));
            throw new CycleException(printed);
        }
        return new DependencyGraph(g);
    }

    private static List<String> rotate(List<String> cycle) {
        int min = cycle.indexOf(Collections.min(cycle));
        List<String> out = new ArrayList<>(cycle.subList(min, cycle.size()));
        out.addAll(cycle.subList(0, min));
        return out;
    }

    /** The services {@code service} needs, as declared (depends_on and implicit references). */
    public static Set<String> dependenciesOf(Service s) {
        Set<String> deps = new LinkedHashSet<>(s.dependsOn().keySet());
        for (String link : s.links()) {
            deps.add(link.contains(":") ? link.substring(0, link.indexOf(':')) : link);
        }
        addServiceRef(deps, s.networkMode());
        addServiceRef(deps, s.ipc());
        addServiceRef(deps, s.pid());
        for (String from : s.volumesFrom()) {
            if (!from.startsWith("container:")) {
                String name = from.startsWith("service:") ? from.substring(8) : from;
                deps.add(name.contains(":") ? name.substring(0, name.indexOf(':')) : name);
            }
        }
        return deps;
    }

    private static void addServiceRef(Set<String> deps, String mode) {
        if (mode != null && mode.startsWith("service:")) {
            deps.add(mode.substring("service:".length()));
        }
    }

    public Set<String> services() {
        return Collections.unmodifiableSet(graph.vertexSet());
    }

    /** What {@code service} needs directly. */
    public Set<String> dependencies(String service) {
        Set<String> out = new TreeSet<>();
        if (graph.containsVertex(service)) {
            graph.outgoingEdgesOf(service).forEach(e -> out.add(graph.getEdgeTarget(e)));
        }
        return out;
    }

    /** What needs {@code service} directly. */
    public Set<String> dependents(String service) {
        Set<String> out = new TreeSet<>();
        if (graph.containsVertex(service)) {
            graph.incomingEdgesOf(service).forEach(e -> out.add(graph.getEdgeSource(e)));
        }
        return out;
    }

    /** Every service {@code service} needs, directly or not. */
    public Set<String> transitiveDependencies(String service) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(dependencies(service));
        while (!todo.isEmpty()) {
            String s = todo.remove(0);
            if (out.add(s)) {
                todo.addAll(dependencies(s));
            }
        }
        return out;
    }

    /** Services with dependencies first; ties broken by name, so the order is stable. */
    public List<String> startOrder() {
        List<String> order = new ArrayList<>();
        Graph<String, DefaultEdge> reversed = new org.jgrapht.graph.EdgeReversedGraph<>(graph);
        new TopologicalOrderIterator<>(reversed, String::compareTo).forEachRemaining(order::add);
        return order;
    }
}
