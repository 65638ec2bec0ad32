package dev.jcompose.planner;

import static dev.jcompose.planner.UpPlan.concat;

import dev.jcompose.model.Network;
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

    private final UpPlan up;
    /** Containers disconnected from a network that is recreated, by network key. */
    private final Map<String, List<ContainerSummary>> reconnect = new LinkedHashMap<>();

    ResourceSteps(UpPlan up) {
        this.up = up;
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
     * Plans creating the up.project's network {@code key}, unless external or existing. One this
     * up.project made whose configuration has changed since (the hash on it differs) is recreated,
     * as docker compose does: its containers are disconnected, the network removed and created
     * again, and the containers that stay are connected again (running ones keep running).
     */
    void network(String key) {
        Network n = up.project.networks().get(key);
        if (n == null || n.isExternal() || up.networkSteps.containsKey(key)) {
            return;
        }
        Map<String, String> labels = resourceLabels(n.labels(), Labels.NETWORK, key);
        String hash = ConfigHash.of(n);
        labels.put(Labels.NETWORK_HASH, hash);
        NetworkSpec spec = NetworkSpec.of(n, labels);
        if (!up.observed.networks().contains(n.name())) {
            up.networkSteps.put(key, up.plan.add(new Action.CreateNetwork(key, spec),
                    "no existing network", up.imageSteps));
            return;
        }
        NetworkSummary existing = up.observed.networkDetails().get(n.name());
        String had = existing == null ? null : existing.labels().get(Labels.NETWORK_HASH);
        if (had == null || had.equals(hash)
                || !up.project.name().equals(existing.labels().get(Labels.PROJECT))) {
            return;
        }
        List<Integer> disconnects = new ArrayList<>();
        for (ContainerSummary c : up.observed.containers()) {
            Service user = up.project.services().get(c.label(Labels.SERVICE));
            if (user != null && user.networks().containsKey(key)
                    && !"True".equals(c.label(Labels.ONEOFF))) {
                disconnects.add(up.plan.add(new Action.DisconnectNetwork(c.name(), c.id(),
                        n.name()), "network " + key + " is recreated", List.of()));
                reconnect.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
        }
        int remove = up.plan.add(new Action.RemoveNetwork(n.name()), "configuration changed",
                disconnects);
        up.networkSteps.put(key, up.plan.add(new Action.CreateNetwork(key, spec), "recreated",
                concat(up.imageSteps, remove)));
    }

    /** Connects the containers a recreated network lost, unless they were up.replaced. */
    void reconnect() {
        reconnect.forEach((key, containers) -> {
            String engineName = up.project.networks().get(key).name();
            for (ContainerSummary c : containers) {
                Service s = up.project.services().get(c.label(Labels.SERVICE));
                if (up.recreatedIds.contains(c.id()) || up.replaced.contains(c.id())) {
                    // a new container joins the new network when it is created
                    continue;
                }
                ContainerSpec spec = ContainerSpecs.forService(up.project, s,
                        ObservedState.number(c), "");
                spec.networks().stream().filter(a -> a.network().equals(engineName))
                        .findFirst().ifPresent(a -> up.plan.add(new Action.ConnectNetwork(c.name(),
                                c.id(), a), "network " + key + " recreated",
                                List.of(up.networkSteps.get(key))));
            }
        });
    }

    /**
     * Plans creating the up.project's volume {@code key}, unless external or existing. An existing
     * one whose labels or driver no longer match the files is kept with a warning, or, with
     * {@code recreateVolumes} ({@code up -y}), removed with the containers using it and
     * created again.
     */
    void volume(String key) {
        Volume vol = up.project.volumes().get(key);
        if (vol == null || vol.isExternal() || up.volumeSteps.containsKey(key)) {
            return;
        }
        Map<String, String> labels = resourceLabels(vol.labels(), Labels.VOLUME, key);
        VolumeSpec spec = new VolumeSpec(vol.name(), vol.driver(), vol.driverOpts(), labels);
        if (!up.observed.volumes().contains(vol.name())) {
            up.volumeSteps.put(key, up.plan.add(new Action.CreateVolume(key, spec),
                    "no existing volume", up.imageSteps));
            return;
        }
        VolumeSummary existing = up.observed.volumeDetails().get(vol.name());
        String diff = existing == null
                || !up.project.name().equals(existing.labels().get(Labels.PROJECT)) ? null
                : volumeDiff(vol, existing);
        if (diff == null) {
            return;
        }
        if (!up.options.recreateVolumes()) {
            up.plan.warn("volume " + vol.name() + " does not match the compose file (" + diff
                    + "); it is kept as it is, with its data; run up -y to remove it and "
                    + "create it again (its data is lost)");
            return;
        }
        List<Integer> removals = new ArrayList<>();
        for (ContainerSummary c : up.observed.containers()) {
            Service user = up.project.services().get(c.label(Labels.SERVICE));
            if (user == null || user.volumes().stream().noneMatch(v ->
                    ServiceVolume.VOLUME.equals(v.type()) && key.equals(v.source()))) {
                continue;
            }
            List<Integer> after = List.of();
            if (c.isRunning() || "paused".equals(c.state())) {
                after = List.of(up.plan.add(new Action.StopContainer(user.name(), c.name(), c.id(),
                        up.options.stopTimeout() != null ? up.options.stopTimeout()
                                : user.stopGracePeriod(), user.preStop()),
                        "volume " + key + " is recreated", List.of()));
            }
            removals.add(up.plan.add(new Action.RemoveContainer(user.name(), c.name(), c.id(),
                    false), "volume " + key + " is recreated", after));
            up.replaced.add(c.id());
        }
        int remove = up.plan.add(new Action.RemoveVolume(vol.name()), "changed in the compose "
                + "file (" + diff + "), up -y", removals);
        up.volumeSteps.put(key, up.plan.add(new Action.CreateVolume(key, spec), "recreated",
                concat(up.imageSteps, remove)));
    }

    /** A network's or volume's labels: the declared ones and compose's (up.project, key). */
    private Map<String, String> resourceLabels(Map<String, String> declared, String keyLabel,
            String key) {
        Map<String, String> labels = new LinkedHashMap<>(declared);
        labels.put(Labels.PROJECT, up.project.name());
        labels.put(keyLabel, key);
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        return labels;
    }

    /** How a up.project volume differs from the file: labels and driver; null when it does not. */
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
