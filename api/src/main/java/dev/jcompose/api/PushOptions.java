package dev.jcompose.api;

import java.util.List;

/**
 * Options of {@code push}.
 *
 * @param services       the services whose images to push (empty: all)
 * @param ignoreFailures push what can be pushed, report failures as warnings
 * @param dryRun         plan only
 * @param parallelism    the most pushes at once
 * @param includeDeps    also the images of the named services' dependencies
 */
public record PushOptions(List<String> services, boolean ignoreFailures, boolean dryRun,
        int parallelism, boolean includeDeps) {

    public PushOptions {
        services = List.copyOf(services);
    }

    public static PushOptions defaults() {
        return new PushOptions(List.of(), false, false, ComposeService.DEFAULT_PARALLELISM,
                false);
    }

    public PushOptions withServices(List<String> names) {
        return new PushOptions(names, ignoreFailures, dryRun, parallelism, includeDeps);
    }

    public PushOptions withIgnoreFailures(boolean on) {
        return new PushOptions(services, on, dryRun, parallelism, includeDeps);
    }

    public PushOptions withDryRun(boolean on) {
        return new PushOptions(services, ignoreFailures, on, parallelism, includeDeps);
    }

    public PushOptions withParallelism(int operations) {
        return new PushOptions(services, ignoreFailures, dryRun, operations, includeDeps);
    }

    public PushOptions withIncludeDeps(boolean on) {
        return new PushOptions(services, ignoreFailures, dryRun, parallelism, on);
    }
}
