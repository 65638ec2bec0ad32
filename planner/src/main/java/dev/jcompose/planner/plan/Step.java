package dev.jcompose.planner.plan;

import java.util.List;

/**
 * A numbered action of a plan: it runs once the steps it comes {@code after} have succeeded.
 * {@code cause} says why the planner chose it ("no existing container", "config hash changed").
 */
public record Step(int id, Action action, String cause, List<Integer> after) {

    public Step {
        after = List.copyOf(after);
    }
}
