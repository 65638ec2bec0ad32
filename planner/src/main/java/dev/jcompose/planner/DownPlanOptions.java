package dev.jcompose.planner;

import java.time.Duration;

/**
 * How {@code down} removes a project.
 *
 * @param removeVolumes  also remove named volumes declared by the project and anonymous volumes
 * @param removeOrphans  also remove containers of services no longer in the files
 * @param timeout        stop grace period, or null for each service's own
 * @param removeImages   null, {@code local} (images without a custom tag) or {@code all}
 */
public record DownPlanOptions(boolean removeVolumes, boolean removeOrphans, Duration timeout,
        String removeImages) {

    public static DownPlanOptions defaults() {
        return new DownPlanOptions(false, false, null, null);
    }
}
