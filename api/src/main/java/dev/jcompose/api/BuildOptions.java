package dev.jcompose.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code build}; made with {@link #builder()}.
 *
 * @param services    the services to build (empty: all with a build section)
 * @param noCache     do not use the build cache
 * @param pull        always try to pull newer base images
 * @param args        build arguments, over each service's
 * @param dryRun      plan only: build nothing
 * @param parallelism the most builds at once
 * @param withDependencies also build the named services' dependencies (transitively)
 * @param push        push the built images of services that name an {@code image:}
 * @param memory      the build containers' memory limit in bytes (null: none)
 * @param builderName a buildx builder's name: none exists for the classic builder jcompose
 *                    drives, so it is only reported as ignored (null: none asked)
 * @param ssh         an SSH agent or key to forward ({@code default} or {@code ID=PATH}):
 *                    BuildKit sessions only, so it is only reported as ignored (null: none)
 */
public record BuildOptions(List<String> services, boolean noCache, boolean pull,
        Map<String, String> args, boolean dryRun, int parallelism, boolean withDependencies,
        boolean push, Long memory, String builderName, String ssh) {

    public BuildOptions {
        services = List.copyOf(services);
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static BuildOptions defaults() {
        return builder().build();
    }

    /** Builds {@link BuildOptions}; every setter returns the builder. */
    public static final class Builder {
        private List<String> services = List.of();
        private boolean noCache;
        private boolean pull;
        private Map<String, String> args = Map.of();
        private boolean dryRun;
        private int parallelism = ComposeService.DEFAULT_PARALLELISM;
        private boolean withDependencies;
        private boolean push;
        private Long memory;
        private String builderName;
        private String ssh;

        private Builder() {
        }

        public Builder services(List<String> names) {
            this.services = names;
            return this;
        }

        public Builder noCache(boolean on) {
            this.noCache = on;
            return this;
        }

        public Builder pull(boolean on) {
            this.pull = on;
            return this;
        }

        public Builder args(Map<String, String> buildArgs) {
            this.args = buildArgs;
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

        public Builder withDependencies(boolean on) {
            this.withDependencies = on;
            return this;
        }

        public Builder push(boolean on) {
            this.push = on;
            return this;
        }

        public Builder memory(Long bytes) {
            this.memory = bytes;
            return this;
        }

        public Builder builderName(String name) {
            this.builderName = name;
            return this;
        }

        public Builder ssh(String agentOrKey) {
            this.ssh = agentOrKey;
            return this;
        }

        public BuildOptions build() {
            return new BuildOptions(services, noCache, pull, args, dryRun, parallelism,
                    withDependencies, push, memory, builderName, ssh);
        }
    }
}
