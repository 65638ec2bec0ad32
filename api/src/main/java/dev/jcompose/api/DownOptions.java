package dev.jcompose.api;

import java.time.Duration;
import java.util.List;

/**
 * Options of {@code down}; made with {@link #builder()}. The defaults remove the containers and
 * networks, and keep volumes and images.
 *
 * @param services      only these services' containers (empty: the whole project; networks,
 *                      volumes and images then stay, since other services use them)
 * @param removeVolumes also remove the project's named volumes and anonymous volumes
 * @param removeOrphans also remove containers of services no longer in the files
 * @param timeout       stop grace period (null: each service's)
 * @param images        which images to remove
 * @param dryRun        plan only
 * @param parallelism   the most engine operations at once
 */
public record DownOptions(List<String> services, boolean removeVolumes, boolean removeOrphans,
        Duration timeout, RemoveImages images, boolean dryRun, int parallelism) {

    public DownOptions {
        services = List.copyOf(services);
        images = images == null ? RemoveImages.NONE : images;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static DownOptions defaults() {
        return builder().build();
    }

    /** Builds {@link DownOptions}; every setter returns the builder. */
    public static final class Builder {
        private List<String> services = List.of();
        private boolean removeVolumes;
        private boolean removeOrphans;
        private Duration timeout;
        private RemoveImages images = RemoveImages.NONE;
        private boolean dryRun;
        private int parallelism = ComposeService.DEFAULT_PARALLELISM;

        private Builder() {
        }

        public Builder services(List<String> names) {
            this.services = names;
            return this;
        }

        public Builder removeVolumes(boolean on) {
            this.removeVolumes = on;
            return this;
        }

        public Builder removeOrphans(boolean on) {
            this.removeOrphans = on;
            return this;
        }

        public Builder timeout(Duration grace) {
            this.timeout = grace;
            return this;
        }

        public Builder images(RemoveImages which) {
            this.images = which;
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

        public DownOptions build() {
            return new DownOptions(services, removeVolumes, removeOrphans, timeout, images,
                    dryRun, parallelism);
        }
    }
}
