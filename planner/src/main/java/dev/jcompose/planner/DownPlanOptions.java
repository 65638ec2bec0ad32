package dev.jcompose.planner;

import java.time.Duration;
import java.util.List;

/**
 * How {@code down} removes a project.
 *
 * @param removeVolumes  also remove named volumes declared by the project and anonymous volumes
 * @param removeOrphans  also remove containers of services no longer in the files
 * @param timeout        stop grace period, or null for each service's own
 * @param removeImages   null, {@code local} (images without a custom tag) or {@code all}
 * @param services       only these services' containers (empty: the whole project); networks,
 *                       volumes and images then stay, since other services use them
 */
public record DownPlanOptions(boolean removeVolumes, boolean removeOrphans, Duration timeout,
        String removeImages, List<String> services) {

    public DownPlanOptions {
        services = services == null ? List.of() : List.copyOf(services);
    }

    public DownPlanOptions(boolean removeVolumes, boolean removeOrphans, Duration timeout,
            String removeImages) {
        this(removeVolumes, removeOrphans, timeout, removeImages, List.of());
    }

    public static DownPlanOptions defaults() {
        return new DownPlanOptions(false, false, null, null);
    }
}
