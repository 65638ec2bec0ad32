package dev.jcompose.planner;

import static dev.jcompose.planner.UpPlan.concat;

import dev.jcompose.model.Network;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.model.Volume;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.NetworkSpec;
import dev.jcompose.planner.engine.NetworkSummary;
import dev.jcompose.planner.engine.VolumeSpec;
import dev.jcompose.planner.engine.VolumeSummary;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The networks and volumes of an {@code up} plan, as docker compose converges them: created when
 * missing; a network whose configuration changed recreated with its containers disconnected and
 * connected again; a volume that no longer matches the files kept with a warning, or recreated
 * with the containers using it ({@code up -y}).
 */
final class ResourceSteps {

    private final Project project;
    private final ObservedState observed;
    private final UpPlanOptions options;
    private final Plan.Builder plan;
    private final List<Integer> imageSteps;
    private final Map<String, Integer> networkSteps;
    private final Map<String, Integer> volumeSteps;
    private final Set<String> replaced;
    private final Set<String> recreatedIds;
    /** Containers disconnected from a network that is recreated, by network key. */
    private final Map<String, List<ContainerSummary>> reconnect = new LinkedHashMap<>();

    ResourceSteps(UpPlan up) {
        this.project = up.project;
        this.observed = up.observed;
        this.options = up.options;
        this.plan = up.plan;
        this.imageSteps = up.imageSteps;
        this.networkSteps = up.networkSteps;
        this.volumeSteps = up.volumeSteps;
        this.replaced = up.replaced;
        this.recreatedIds = up.recreatedIds;
    }

    void resources(Service s) {
        s.networks().keySet().forEach(this::network);
        for (ServiceVolume v : s.volumes()) {
            if (ServiceVolume.VOLUME.equals(v.type()) && v.source() != null) {
                volume(v.source());
            }
        }
    }

    /**
     * Plans creating the project's network {@code key}, unless external or existing. One this
     * project made whose configuration has changed since (the hash on it differs) is recreated,
     * as docker compose does: its containers are disconnected, the network removed and created
     * again, and the containers that stay are connected again (running ones keep running).
     */
    void network(String key) {
        Network n = project.networks().get(key);
        if (n == null || n.isExternal() || networkSteps.containsKey(key)) {
            return;
        }
        Map<String, String> labels = resourceLabels(n.labels(), Labels.NETWORK, key);
        String hash = ConfigHash.of(n);
        labels.put(Labels.NETWORK_HASH, hash);
        NetworkSpec spec = new NetworkSpec(n.name(), labels, n);
        if (!observed.networks().contains(n.name())) {
            networkSteps.put(key, plan.add(new Action.CreateNetwork(key, spec),
                    "no existing network", imageSteps));
            return;
        }
        NetworkSummary existing = observed.networkDetails().get(n.name());
        String had = existing == null ? null : existing.labels().get(Labels.NETWORK_HASH);
        if (had == null || had.equals(hash)
                || !project.name().equals(existing.labels().get(Labels.PROJECT))) {
            return;
        }
        List<Integer> disconnects = new ArrayList<>();
        for (ContainerSummary c : observed.containers()) {
            Service user = project.services().get(c.label(Labels.SERVICE));
            if (user != null && user.networks().containsKey(key)
                    && !"True".equals(c.label(Labels.ONEOFF))) {
                disconnects.add(plan.add(new Action.DisconnectNetwork(c.name(), c.id(),
                        n.name()), "network " + key + " is recreated", List.of()));
                reconnect.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
        }
        int remove = plan.add(new Action.RemoveNetwork(n.name()), "configuration changed",
                disconnects);
        networkSteps.put(key, plan.add(new Action.CreateNetwork(key, spec), "recreated",
                concat(imageSteps, remove)));
    }

    /** Connects the containers a recreated network lost, unless they were replaced. */
    void reconnect() {
        reconnect.forEach((key, containers) -> {
            String engineName = project.networks().get(key).name();
            for (ContainerSummary c : containers) {
                Service s = project.services().get(c.label(Labels.SERVICE));
                if (recreatedIds.contains(c.id()) || replaced.contains(c.id())) {
                    // a new container joins the new network when it is created
                    continue;
                }
                ContainerSpec spec = ContainerSpecs.forService(project, s,
                        ObservedState.number(c), "");
                spec.networks().stream().filter(a -> a.network().equals(engineName))
                        .findFirst().ifPresent(a -> plan.add(new Action.ConnectNetwork(c.name(),
                                c.id(), a), "network " + key + " recreated",
                                List.of(networkSteps.get(key))));
            }
        });
    }

    /**
     * Plans creating the project's volume {@code key}, unless external or existing. An existing
     * one whose labels or driver no longer match the files is kept with a warning, or, with
     * {@code recreateVolumes} ({@code up -y}), removed with the containers using it and
     * created again.
     */
    void volume(String key) {
        Volume vol = project.volumes().get(key);
        if (vol == null || vol.isExternal() || volumeSteps.containsKey(key)) {
            return;
        }
        Map<String, String> labels = resourceLabels(vol.labels(), Labels.VOLUME, key);
        VolumeSpec spec = new VolumeSpec(vol.name(), vol.driver(), vol.driverOpts(), labels);
        if (!observed.volumes().contains(vol.name())) {
            volumeSteps.put(key, plan.add(new Action.CreateVolume(key, spec),
                    "no existing volume", imageSteps));
            return;
        }
        VolumeSummary existing = observed.volumeDetails().get(vol.name());
        String diff = existing == null
                || !project.name().equals(existing.labels().get(Labels.PROJECT)) ? null
                : volumeDiff(vol, existing);
        if (diff == null) {
            return;
        }
        if (!options.recreateVolumes()) {
            plan.warn("volume " + vol.name() + " does not match the compose file (" + diff
                    + "); it is kept as it is, with its data; run up -y to remove it and "
                    + "create it again (its data is lost)");
            return;
        }
        List<Integer> removals = new ArrayList<>();
        for (ContainerSummary c : observed.containers()) {
            Service user = project.services().get(c.label(Labels.SERVICE));
            if (user == null || user.volumes().stream().noneMatch(v ->
                    ServiceVolume.VOLUME.equals(v.type()) && key.equals(v.source()))) {
                continue;
            }
            List<Integer> after = List.of();
            if (c.isRunning() || "paused".equals(c.state())) {
                after = List.of(plan.add(new Action.StopContainer(user.name(), c.name(), c.id(),
                        options.stopTimeout() != null ? options.stopTimeout()
                                : user.stopGracePeriod(), user.preStop()),
                        "volume " + key + " is recreated", List.of()));
            }
            removals.add(plan.add(new Action.RemoveContainer(user.name(), c.name(), c.id(),
                    false), "volume " + key + " is recreated", after));
            replaced.add(c.id());
        }
        int remove = plan.add(new Action.RemoveVolume(vol.name()), "changed in the compose file ("
                + diff + "), up -y", removals);
        volumeSteps.put(key, plan.add(new Action.CreateVolume(key, spec), "recreated",
                concat(imageSteps, remove)));
    }

    /** A network's or volume's labels: the declared ones and compose's (project, key). */
    private Map<String, String> resourceLabels(Map<String, String> declared, String keyLabel,
            String key) {
        Map<String, String> labels = new LinkedHashMap<>(declared);
        labels.put(Labels.PROJECT, project.name());
        labels.put(keyLabel, key);
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        return labels;
    }

    /** How a project volume differs from the file: labels and driver; null when it does not. */
    private static String volumeDiff(Volume vol, VolumeSummary existing) {
        List<String> diffs = new ArrayList<>();
        Set<String> keys = new TreeSet<>(vol.labels().keySet());
        existing.labels().keySet().stream().filter(k -> !k.startsWith("com.docker.compose."))
                .forEach(keys::add);
        for (String k : keys) {
            String want = vol.labels().get(k);
            String have = existing.labels().get(k);
            if (!Objects.equals(want, have)) {
                diffs.add("label " + k + ": " + (have == null ? "unset" : have) + " -> "
                        + (want == null ? "unset" : want));
            }
        }
        String driver = vol.driver() == null || vol.driver().isEmpty() ? "local" : vol.driver();
        if (existing.driver() != null && !driver.equals(existing.driver())) {
            diffs.add("driver: " + existing.driver() + " -> " + driver);
        }
        return diffs.isEmpty() ? null : String.join(", ", diffs);
    }
}
