package dev.jcompose.planner;

import dev.jcompose.model.Project;
import dev.jcompose.planner.plan.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@code up} plan in the making, shared by its phases ({@link Reconciler} orders them;
 * {@link UpChecks}, {@link ImagePlanner}, {@link ResourceSteps}, {@link Convergence}): the
 * project, what the engine has, the options, the plan so far, and the steps each phase leaves
 * for the next (the image, network and volume steps a container waits for; the creates and
 * starts of a service its dependents wait for).
 */
final class UpPlan {

    final Project project;
    final ObservedState observed;
    final UpPlanOptions options;
    final Plan.Builder plan = new Plan.Builder();

    /** The pulls and builds: everything else comes after them. */
    final List<Integer> imageSteps = new ArrayList<>();
    /** The step creating each network and volume of the project, by key. */
    final Map<String, Integer> networkSteps = new HashMap<>();
    final Map<String, Integer> volumeSteps = new HashMap<>();
    /** Steps after which a service's containers exist (create or recreate). */
    final Map<String, List<Integer>> createdSteps = new HashMap<>();
    /** Steps after which a service's containers run (start, or recreate when running). */
    final Map<String, List<Integer>> startedSteps = new HashMap<>();
    /** The names of each service's containers once the plan has run. */
    final Map<String, List<String>> containerNames = new HashMap<>();
    /** Containers removed with a volume that is recreated (up -y): created afresh. */
    final Set<String> replaced = new HashSet<>();
    /** Containers this plan recreates (they get the networks anew). */
    final Set<String> recreatedIds = new HashSet<>();

    UpPlan(Project project, ObservedState observed, UpPlanOptions options) {
        this.project = project;
        this.observed = observed;
        this.options = options;
    }

    static void addIfPresent(List<Integer> list, Integer id) {
        if (id != null) {
            list.add(id);
        }
    }

    static List<Integer> concat(List<Integer> list, List<Integer> more) {
        List<Integer> out = new ArrayList<>(list);
        out.addAll(more);
        return out;
    }

    static List<Integer> concat(List<Integer> list, int id) {
        List<Integer> out = new ArrayList<>(list);
        out.add(id);
        return out;
    }
}
