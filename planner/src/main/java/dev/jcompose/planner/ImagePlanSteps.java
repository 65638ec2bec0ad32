package dev.jcompose.planner;

import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.BuildSpec;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pull and build steps a plan gets once {@link ImagePlanner} has decided them: each image
 * pulled once for all the services using it, the pulls in parallel; a build after the pull of
 * its image (when it may fail) and after the builds of the services it depends on.
 */
final class ImagePlanSteps {

    private final Project project;
    private final Plan.Builder plan;

    ImagePlanSteps(Project project, Plan.Builder plan) {
        this.project = project;
        this.plan = plan;
    }

    /** A pull of one image, for the services that use it. */
    static final class PullStep {
        final String image;
        final List<String> services = new ArrayList<>();
        boolean mayFail;
        String cause;

        PullStep(String image, boolean mayFail, String cause) {
            this.image = image;
            this.mayFail = mayFail;
            this.cause = cause;
        }
    }

    record BuildStep(Service service, BuildSpec spec, String cause,
            boolean onlyIfMissing) { }

    static void pull(Map<String, PullStep> pulls, String image, Service s,
            boolean mayFail, String cause) {
        PullStep p = pulls.computeIfAbsent(image, k -> new PullStep(image, mayFail, cause));
        p.mayFail |= mayFail;
        if (!p.services.contains(s.name())) {
            p.services.add(s.name());
        }
    }

    void build(Map<String, BuildStep> builds, Service s, String cause,
            boolean onlyIfMissing) {
        BuildSpec spec = BuildSpecs.buildSpec(project, s, Map.of(), false, false);
        if (builds.putIfAbsent(spec.tags().get(0), new BuildStep(s, spec, cause, onlyIfMissing))
                == null) {
            BuildSpecs.warnUnsupported(plan, s);
        }
    }

    /** Adds pulls (in parallel), then builds after their pull and their dependencies' builds. */
    List<Integer> addSteps(Project selected, Map<String, PullStep> pulls,
            Map<String, BuildStep> builds) {
        List<Integer> all = new ArrayList<>();
        Map<String, Integer> pullIds = new LinkedHashMap<>();
        for (PullStep p : pulls.values()) {
            String cause = p.mayFail && !p.cause.isEmpty() ? p.cause + "; may fail" : p.cause;
            int id = plan.add(new Action.PullImage(p.image, p.services, p.mayFail), cause,
                    List.of());
            pullIds.put(p.image, id);
            all.add(id);
        }
        Map<String, Integer> buildIdByService = new LinkedHashMap<>();
        for (String name : buildOrder(selected, builds)) {
            BuildStep b = null;
            for (BuildStep candidate : builds.values()) {
                if (candidate.service.name().equals(name)) {
                    b = candidate;
                }
            }
            if (b == null) {
                continue;
            }
            List<Integer> after = new ArrayList<>();
            Integer pullId = pullIds.get(b.spec.tags().get(0));
            if (pullId != null) {
                after.add(pullId);
            }
            for (String dep : buildDependencies(b.service)) {
                Integer depId = buildIdByService.get(dep);
                if (depId != null) {
                    after.add(depId);
                }
            }
            int id = plan.add(new Action.BuildImage(b.service.name(), b.spec, b.onlyIfMissing),
                    b.cause, after);
            buildIdByService.put(name, id);
            all.add(id);
        }
        return all;
    }

    /** The services with a build, dependencies first. */
    private List<String> buildOrder(Project selected, Map<String, BuildStep> builds) {
        Set<String> wanted = new LinkedHashSet<>();
        builds.values().forEach(b -> wanted.add(b.service.name()));
        List<String> order = new ArrayList<>();
        try {
            Map<String, Set<String>> deps = new LinkedHashMap<>();
            for (String name : wanted) {
                Set<String> d = new LinkedHashSet<>(buildDependencies(selected.service(name)));
                d.retainAll(wanted);
                deps.put(name, d);
            }
            order.addAll(DependencyGraph.of(deps).startOrder());
        } catch (DependencyGraph.CycleException e) {
            throw new PlanException(e.getMessage());
        }
        for (String name : wanted) {
            if (!order.contains(name)) {
                order.add(name);
            }
        }
        return order;
    }

    /** Services whose image a build may need: its dependencies, and service contexts. */
    private static Set<String> buildDependencies(Service s) {
        Set<String> deps = new LinkedHashSet<>(DependencyGraph.dependenciesOf(s));
        if (s.build() != null) {
            for (String ctx : s.build().additionalContexts().values()) {
                if (ctx != null && ctx.startsWith("service:")) {
                    deps.add(ctx.substring("service:".length()));
                }
            }
        }
        return deps;
    }
}
