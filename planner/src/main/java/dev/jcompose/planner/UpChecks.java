package dev.jcompose.planner;

import dev.jcompose.model.Network;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.model.Volume;
import java.util.HashMap;
import java.util.Map;

/**
 * What must hold before {@code up} (or {@code run}) plans anything: external networks and
 * volumes exist, container names are unique, and the containers a service shares (network
 * namespace, volumes) exist when this run does not create them.
 */
final class UpChecks {

    private final Project project;
    private final ObservedState observed;

    UpChecks(Project project, ObservedState observed) {
        this.project = project;
        this.observed = observed;
    }

    /**
     * A service that joins another's network namespace or takes its volumes needs that
     * service's container; with {@code --no-deps} nothing creates it, so it must exist.
     */
    void checkSharedContainers(Project selected) {
        for (Service s : selected.services().values()) {
            String net = s.networkMode();
            if (net != null && net.startsWith("service:")) {
                requireContainer(selected, net.substring("service:".length()),
                        "cannot share network namespace with service ");
            }
            for (String from : s.volumesFrom()) {
                if (!from.startsWith("container:")) {
                    String name = from.startsWith("service:") ? from.substring(8) : from;
                    requireContainer(selected, name.contains(":")
                            ? name.substring(0, name.indexOf(':')) : name,
                            "cannot share volume with service ");
                }
            }
        }
    }

    private void requireContainer(Project selected, String service, String what) {
        if (!selected.services().containsKey(service)
                && project.services().containsKey(service)
                && observed.containersOf(service).isEmpty()) {
            throw new PlanException(what + service + ": container missing (it is not part of "
                    + "this run, e.g. with --no-deps; start it first)");
        }
    }

    /** Two services with one container_name cannot both have their container. */
    void checkContainerNames(Project selected) {
        Map<String, String> owner = new HashMap<>();
        for (Service s : selected.services().values()) {
            if (s.containerName() == null) {
                continue;
            }
            String other = owner.putIfAbsent(s.containerName(), s.name());
            if (other != null) {
                throw PlanException.at(project, s.name(), "container_name", "container name \""
                        + s.containerName() + "\" is already in use by service " + other
                        + "; service " + s.name() + " cannot have it too (container_name must "
                        + "be unique)");
            }
        }
    }

    void checkExternals(Project selected) {
        for (Service s : selected.services().values()) {
            for (String key : s.networks().keySet()) {
                Network n = project.networks().get(key);
                if (n != null && n.isExternal() && !observed.networks().contains(n.name())) {
                    throw new PlanException("network " + n.name() + " declared as external, but "
                            + "could not be found (service " + s.name() + " uses it); create it "
                            + "with: docker network create " + n.name());
                }
            }
            for (ServiceVolume v : s.volumes()) {
                Volume vol = v.source() == null ? null : project.volumes().get(v.source());
                if (ServiceVolume.VOLUME.equals(v.type()) && vol != null && vol.isExternal()
                        && !observed.volumes().contains(vol.name())) {
                    throw new PlanException("volume " + vol.name() + " declared as external, but "
                            + "could not be found (service " + s.name() + " uses it); create it "
                            + "with: docker volume create " + vol.name());
                }
            }
        }
    }
}
