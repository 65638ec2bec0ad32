package dev.jcompose.api;

import java.time.Duration;
import java.util.List;

/**
 * How {@link ComposeProject#down(Down)} removes a project: an immutable value, changed with
 * {@code withX} copies. {@link #options()} is {@code docker compose down}: containers and
 * networks go, named volumes stay.
 *
 * <pre>{@code
 * project.down(Down.options()
 *         .withVolumes()                          // like -v: named and anonymous volumes too
 *         .withStopTimeout(Duration.ofSeconds(1)));
 * }</pre>
 */
public final class Down {

    private static final Down DEFAULTS = new Down(false, false, null, null);

    private final boolean volumes;
    private final boolean removeOrphans;
    private final Duration stopTimeout;
    private final String removeImages;

    private Down(boolean volumes, boolean removeOrphans, Duration stopTimeout,
            String removeImages) {
        this.volumes = volumes;
        this.removeOrphans = removeOrphans;
        this.stopTimeout = stopTimeout;
        this.removeImages = removeImages;
    }

    /** The defaults: remove containers and networks, keep volumes and images. */
    public static Down options() {
        return DEFAULTS;
    }

    /** Also remove the project's named volumes and its containers' anonymous volumes ({@code -v}). */
    public Down withVolumes() {
        return new Down(true, removeOrphans, stopTimeout, removeImages);
    }

    /** Also remove containers of services no longer in the files ({@code --remove-orphans}). */
    public Down withRemoveOrphans() {
        return new Down(volumes, true, stopTimeout, removeImages);
    }

    /** Grace period before containers are killed ({@code --timeout}). */
    public Down withStopTimeout(Duration timeout) {
        return new Down(volumes, removeOrphans, timeout, removeImages);
    }

    /**
     * Also remove images: {@code local} removes the images built for the project without a
     * custom tag (those named {@code project-service}), {@code all} every image a service uses
     * ({@code --rmi}).
     */
    public Down withImages(String which) {
        if (!List.of("local", "all").contains(which)) {
            throw new IllegalArgumentException("images to remove must be local or all, not \""
                    + which + "\"");
        }
        return new Down(volumes, removeOrphans, stopTimeout, which);
    }

    /** True when volumes are removed too. */
    public boolean removesVolumes() {
        return volumes;
    }

    /** These options as the service's {@link DownOptions}. */
    DownOptions toOptions() {
        return DownOptions.builder().removeVolumes(volumes).removeOrphans(removeOrphans)
                .timeout(stopTimeout).images(removeImages == null ? RemoveImages.NONE
                        : RemoveImages.of(removeImages)).build();
    }

    @Override
    public String toString() {
        return "Down[volumes=" + volumes + ", removeOrphans=" + removeOrphans + ", stopTimeout="
                + stopTimeout + ", images=" + removeImages + "]";
    }
}
