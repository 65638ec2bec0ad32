package dev.jcompose.api.local;

import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.ContainerStats;
import dev.jcompose.api.EventSubscription;
import dev.jcompose.api.PsOptions;
import dev.jcompose.api.StatsOptions;
import dev.jcompose.api.VolumeInfo;
import dev.jcompose.api.VolumesOptions;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.StatsSample;
import dev.jcompose.planner.engine.Subscription;
import dev.jcompose.planner.engine.VolumeSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** {@code volumes} and {@code stats}: a project's volumes, and its containers' usage. */
final class ResourceViews {

    private final Engine engine;
    private final ProjectViews views;

    ResourceViews(Engine engine, ProjectViews views) {
        this.engine = engine;
        this.views = views;
    }

    /**
     * The project's volumes by name; with services, those their running containers mount, as
     * compose lists them.
     */
    List<VolumeInfo> volumes(String projectName, VolumesOptions options) {
        Map<String, String> label = ContainerSpecs.projectLabel(projectName);
        Set<String> mounted = new HashSet<>();
        if (!options.services().isEmpty()) {
            for (ContainerSummary c : engine.listContainers(label, false)) {
                if (options.services().contains(c.label(Labels.SERVICE))) {
                    mounted.addAll(c.volumes().values());
                }
            }
        }
        List<VolumeInfo> out = new ArrayList<>();
        for (VolumeSummary v : engine.listVolumes(label)) {
            if (options.services().isEmpty() || mounted.contains(v.name())) {
                out.add(new VolumeInfo(v.name(), v.driver(), v.mountpoint(), v.scope(),
                        v.labels()));
            }
        }
        out.sort(java.util.Comparator.comparing(VolumeInfo::name));
        return out;
    }

    EventSubscription stats(String projectName, StatsOptions options,
            Consumer<ContainerStats> sink) {
        Map<String, Subscription> open = new ConcurrentHashMap<>();
        List<ContainerInfo> listed = views.ps(projectName,
                new PsOptions(options.all(), options.services()));
        Subscription starts = !options.stream() ? null
                : engine.events(ContainerSpecs.projectLabel(projectName), e -> {
                    String service = e.attribute(Labels.SERVICE);
                    if ("start".equals(e.action()) && !open.containsKey(e.id())
                            && (options.services().isEmpty()
                                    || options.services().contains(service))) {
                        views.ps(projectName, new PsOptions(true, List.of(service))).stream()
                                .filter(c -> c.id().equals(e.id())).findFirst()
                                .ifPresent(c -> follow(c, true, open, sink));
                    }
                });
        for (ContainerInfo c : listed) {
            follow(c, options.stream(), open, sink);
        }
        return new EventSubscription() {
            @Override
            public void awaitCompletion() throws InterruptedException {
                if (starts != null) {
                    starts.awaitCompletion();
                }
                for (Subscription s : List.copyOf(open.values())) {
                    s.awaitCompletion();
                }
            }

            @Override
            public void close() {
                if (starts != null) {
                    starts.close();
                }
                open.values().forEach(Subscription::close);
            }
        };
    }

    private void follow(ContainerInfo c, boolean stream, Map<String, Subscription> open,
            Consumer<ContainerStats> sink) {
        Object lock = open;
        try {
            open.put(c.id(), engine.tools().stats(c.id(), stream, s -> {
                synchronized (lock) {
                    sink.accept(stats(c, s));
                }
            }));
        } catch (EngineException.NotFound e) {
            // removed since it was listed
        }
    }

    static ContainerStats stats(ContainerInfo c, StatsSample s) {
        return new ContainerStats(c, s.cpuPercent(), s.memoryUsage(), s.memoryLimit(),
                s.memoryPercent(), s.netRx(), s.netTx(), s.blockRead(), s.blockWrite(),
                s.pids(), s.running() && c.isRunning());
    }
}
