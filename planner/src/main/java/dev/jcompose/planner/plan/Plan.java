package dev.jcompose.planner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What to do to bring the engine to the desired state: steps with their causes and the steps
 * each waits for. Plain data, printed by {@code --dry-run} and compared in golden tests.
 */
public record Plan(List<Step> steps, List<String> warnings) {

    public Plan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    public static Plan empty() {
        return new Plan(List.of(), List.of());
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public Step step(int id) {
        return steps.get(id - 1);
    }

    /** Steps whose action is of {@code type}. */
    public <A extends Action> List<A> actions(Class<A> type) {
        return steps.stream().map(Step::action).filter(type::isInstance).map(type::cast).toList();
    }

    /** One line per step: {@code 3. create Container demo-web-1 (no existing container) after 1,2}. */
    @Override
    public String toString() {
        if (steps.isEmpty()) {
            return "nothing to do\n";
        }
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append(s.id()).append(". ").append(s.action().describe());
            if (s.cause() != null && !s.cause().isEmpty()) {
                sb.append(" (").append(s.cause()).append(')');
            }
            if (!s.after().isEmpty()) {
                sb.append(" after ").append(s.after().stream().map(String::valueOf)
                        .collect(Collectors.joining(",")));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Builds a plan, numbering steps from 1. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        /** Adds a step and returns its id. */
        public int add(Action action, String cause, List<Integer> after) {
            int id = steps.size() + 1;
            steps.add(new Step(id, action, cause, after.stream().distinct().sorted().toList()));
            return id;
        }

        /** Records a warning for the user (orphan containers, ignored options). */
        public void warn(String warning) {
            warnings.add(warning);
        }

        public Plan build() {
            return new Plan(steps, warnings);
        }
    }
}
