package dev.jcompose.api.local;

import dev.jcompose.api.ComposeException;
import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.PsOptions;
import java.util.Comparator;
import java.util.List;

/**
 * Which of a service's containers a command acts on, as compose picks them: by number, else
 * the first (by number, one-off containers last).
 */
final class ServiceContainers {

    private static final Comparator<ContainerInfo> FIRST = Comparator
            .comparing(ContainerInfo::oneOff).thenComparingInt(ContainerInfo::number)
            .thenComparing(ContainerInfo::name);

    private final ProjectViews views;

    ServiceContainers(ProjectViews views) {
        this.views = views;
    }

    /**
     * The service's containers, stopped ones too, sorted first to last; with {@code oneOffs}
     * its {@code run} containers too (last).
     */
    List<ContainerInfo> of(String projectName, String service, boolean oneOffs) {
        return views.ps(projectName, new PsOptions(true, List.of(service))).stream()
                .filter(c -> oneOffs || !c.oneOff()).sorted(FIRST).toList();
    }

    /**
     * Container number {@code index} of the service, or without one (0) its first container,
     * one-offs included; stopped ones with {@code stopped}.
     *
     * @throws ComposeException when there is none
     */
    ContainerInfo specified(String projectName, String service, int index, boolean stopped) {
        List<ContainerInfo> found = of(projectName, service, true).stream()
                .filter(c -> stopped || c.isRunning())
                .filter(c -> index <= 0 || !c.oneOff() && c.number() == index).toList();
        if (found.isEmpty()) {
            throw new ComposeException(index > 0
                    ? "service \"" + service + "\" is not running container #" + index
                    : "service \"" + service + "\" is not running");
        }
        return found.get(0);
    }
}
