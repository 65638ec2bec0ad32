package dev.jcompose.api;

import java.util.List;

/**
 * Options of {@code pull}; made with {@link #builder()}.
 *
 * @param services        the services whose images to pull (empty: all)
 * @param includeDeps     also the named services' dependencies
 * @param ignoreFailures  pull what can be pulled, report failures as warnings
 * @param ignoreBuildable skip images that can be built
 * @param dryRun          plan only
 * @param parallelism     the most pulls at once
 * @param policy          {@code missing} or {@code always}, over the pull_policy of each
 *                        service that names an image (null: each service's own)
 */
public record PullOptions(List<String> services, boolean includeDeps, boolean ignoreFailures,
        boolean ignoreBuildable, boolean dryRun, int parallelism, String policy) {

    public PullOptions {
        services = List.copyOf(services);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static PullOptions defaults() {
        return builder().build();
    }

    /** Builds {@link PullOptions}; every setter returns the builder. */
    public static final class Builder {
        private List<String> services = List.of();
        private boolean includeDeps;
        private boolean ignoreFailures;
        private boolean ignoreBuildable;
        private boolean dryRun;
        private int parallelism = ComposeService.DEFAULT_PARALLELISM;
        private String policy;

        private Builder() {
        }

        public Builder services(List<String> names) {
            this.services = names;
            return this;
        }

        public Builder includeDeps(boolean on) {
            this.includeDeps = on;
            return this;
        }

        public Builder ignoreFailures(boolean on) {
            this.ignoreFailures = on;
            return this;
        }

        public Builder ignoreBuildable(boolean on) {
            this.ignoreBuildable = on;
            return this;
        }

        public Builder dryRun(boolean on) {
            this.dryRun = on;
            return this;
        }

        public Builder parallelism(int operations) {
            this.parallelism = operations;
            return this;
        }

        public Builder policy(String missingOrAlways) {
            this.policy = missingOrAlways;
            return this;
        }

        public PullOptions build() {
            return new PullOptions(services, includeDeps, ignoreFailures, ignoreBuildable,
                    dryRun, parallelism, policy);
        }
    }
}
