package dev.jcompose.api;

import java.util.List;

/**
 * What a command did or, with {@code dryRun}, would do: its plan, one numbered step per line
 * with its cause and the steps it waits for, as {@code --dry-run} prints it.
 *
 * @param text     the plan as printed ({@code "nothing to do\n"} when it has no step)
 * @param warnings what the plan warned about (orphan containers, ignored options)
 * @param steps    how many steps it has
 */
public record PlanReport(String text, List<String> warnings, int steps) {

    public PlanReport {
        warnings = List.copyOf(warnings);
    }

    /** Whether there was nothing to do. */
    public boolean isEmpty() {
        return steps == 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
